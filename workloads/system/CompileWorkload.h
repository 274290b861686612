#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::sys {

// system.compile: the system C++ compiler on a generated translation unit.
void registerCompileWorkload(WorkloadRegistry& registry);

} // namespace crucible::workloads::sys
