#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::architecture {

// architecture.tool_exec.layered / .direct: one tool call through facade, service, repository
// and adapter layers vs the same tool function called directly with typed arguments.
void registerToolExecPair(WorkloadRegistry& registry);

} // namespace crucible::workloads::architecture
