#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::sys {

// system.binary_size: the size of this program's executable as the .deb ships it (stripped), in bytes.
void registerBinarySizeWorkload(WorkloadRegistry& registry);

} // namespace crucible::workloads::sys
