#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::architecture {

// architecture.errors.exceptions / .values: one configuration entry parsed and validated, one
// input in ten invalid, failures thrown and caught vs returned as a result value.
void registerErrorsPair(WorkloadRegistry& registry);

} // namespace crucible::workloads::architecture
