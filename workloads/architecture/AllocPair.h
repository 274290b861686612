#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::architecture {

// architecture.alloc.small_objects / .arena: one tree of 341 small nodes built, walked and
// freed, with a heap allocation per node vs a monotonic arena released all at once.
void registerAllocPair(WorkloadRegistry& registry);

} // namespace crucible::workloads::architecture
