#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::sys {

// system.hash: FNV-1a over a buffer of 'size' bytes. Pure CPU and memory work whose cost is
// linear in its parameter: a workload of known cost, to see how much this machine moves by
// itself, and to check that a verdict finds a change of a known size (benchmarks/verdict_noise.py
// steps its cost by 5, 10 and 20% with CRUCIBLE_HASH_SCALE_PCT, which scales 'size' without
// changing the workload's id, as a change of code would).
void registerHashWorkload(WorkloadRegistry& registry);

} // namespace crucible::workloads::sys
