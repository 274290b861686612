#pragma once

#include "CommandLine.h"
#include "Expected.h"
#include "WorkloadRegistry.h"
#include "suite/Suite.h"

#include <vector>

namespace crucible {

// The commands of --command as a suite (engine/cli/CommandSuite.h), else the suite of --suite FILE or the built-in
// default suite, for the headless commands. Prints its notice to stderr. A bad suite file is an input error, a broken
// built-in default suite an internal one.
Expected<Suite> chooseSuite(const CommandLineOptions& options, const WorkloadRegistry& registry);

// The workloads of `suite` that the FILTER words select. None is a usage error that names the
// filter (exit 2), alike for --list and for a run.
Expected<std::vector<const SuiteWorkload*>> chooseWorkloads(const Suite& suite, const QStringList& filters);

} // namespace crucible
