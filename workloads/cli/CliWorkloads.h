#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads {

// The `cli` category: this program's own headless commands as users meet them, each run as a
// child process — cold and warm start, help, list, a complete headless run, a large data set,
// batches, configuration loading, streaming output.
void registerCliWorkloads(WorkloadRegistry& registry);

} // namespace crucible::workloads
