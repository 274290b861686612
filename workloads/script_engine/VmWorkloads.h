#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::script_engine {

// script_engine.vm_lifecycle, .memory_per_vm and .compile: what a VM costs to make, to keep,
// and to feed a script.
void registerVmWorkloads(WorkloadRegistry& registry);

} // namespace crucible::workloads::script_engine
