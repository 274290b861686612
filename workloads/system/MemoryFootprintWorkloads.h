#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::sys {

// system.memory_footprint.start / .steady / .peak: how much memory this program needs.
void registerMemoryFootprintWorkloads(WorkloadRegistry& registry);

} // namespace crucible::workloads::sys
