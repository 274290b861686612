#pragma once

#include "CommandLine.h"
#include "ExitCodes.h"
#include "WorkloadRegistry.h"
#include "suite/Suite.h"

#include <optional>
#include <variant>
#include <vector>

namespace crucible {

// The suite of --suite FILE or the built-in default suite, for the headless commands. Prints
// its notice or error to stderr; on an error returns why the command is refused: an input error
// for a bad suite file, an internal one when the built-in default suite itself is broken.
std::variant<Suite, Refusal> chooseSuite(const CommandLineOptions& options, const WorkloadRegistry& registry);

// The workloads of `suite` that the FILTER words select. When none matches, prints which filter
// matched nothing and returns nullopt: a usage error (exit 2) alike for --list and for a run.
std::optional<std::vector<const SuiteWorkload*>> selectOrReport(const Suite& suite, const QStringList& filters);

} // namespace crucible
