#pragma once

#include "CommandLine.h"
#include "suite/Suite.h"
#include "WorkloadRegistry.h"

#include <optional>

namespace crucible {

// The suite of --suite FILE or the built-in default suite, for the headless commands. Prints
// its notice or error to stderr; on an error returns nullopt with `exitCode` set (2 for a bad
// suite file, 1 when the built-in default suite itself is broken).
std::optional<Suite> chooseSuite(const CommandLineOptions& options, const WorkloadRegistry& registry, int* exitCode);

} // namespace crucible
