#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::sys {

// system.cpu_utilization: one CPU-bound job split over all cores.
void registerCpuUtilizationWorkload(WorkloadRegistry& registry);

} // namespace crucible::workloads::sys
