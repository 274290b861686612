#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::script_engine {

// script_engine.registry_lookup: tool name to compiled function among ~200 registered tools.
void registerRegistryLookup(WorkloadRegistry& registry);

} // namespace crucible::workloads::script_engine
