#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::architecture {

// architecture.plugins.registry / .static: one checksum capability call reached through a
// plugin registry (lookup by name, factory, instance, interface cast, virtual call) vs the same
// implementation bound at compile time.
void registerPluginsPair(WorkloadRegistry& registry);

} // namespace crucible::workloads::architecture
