#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::sys {

// system.cleanup: creating and removing a scratch directory tree.
void registerCleanupWorkload(WorkloadRegistry& registry);

} // namespace crucible::workloads::sys
