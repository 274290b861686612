#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::sys {

// system.binary_size: the size of this program's executable file, in bytes.
void registerBinarySizeWorkload(WorkloadRegistry& registry);

} // namespace crucible::workloads::sys
