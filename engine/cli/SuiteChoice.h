#pragma once

#include "CommandLine.h"
#include "WorkloadRegistry.h"
#include "suite/Suite.h"

#include <optional>
#include <vector>

namespace crucible {

// The suite of --suite FILE or the built-in default suite, for the headless commands. Prints
// its notice or error to stderr; on an error returns nullopt with `exitCode` set (2 for a bad
// suite file, 1 when the built-in default suite itself is broken).
std::optional<Suite> chooseSuite(const CommandLineOptions& options, const WorkloadRegistry& registry, int* exitCode);

// The workloads of `suite` that the FILTER words select. When none matches, prints which filter
// matched nothing and returns nullopt: a usage error (exit 2) alike for --list and for a run.
std::optional<std::vector<const SuiteWorkload*>> selectOrReport(const Suite& suite, const QStringList& filters);

} // namespace crucible
