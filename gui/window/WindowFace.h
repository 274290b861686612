#pragma once

#include "WorkloadRegistry.h"
#include "cli/CommandLine.h"

namespace crucible::gui {

// The desktop face: shows the dashboard with the workloads FILTER words select checked, starts
// the run at once with --run (a quick check with --quick-check), and returns the exit code of
// the event loop. Needs a QApplication.
int runWindow(const CommandLineOptions& options, const WorkloadRegistry& registry);

} // namespace crucible::gui
