#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads {

// Registers every built-in workload category into `registry`.
void registerBuiltInWorkloads(WorkloadRegistry& registry);

} // namespace crucible::workloads
