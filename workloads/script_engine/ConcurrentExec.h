#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::script_engine {

// script_engine.concurrent_exec: batches of tool calls across threads, one VM per thread.
void registerConcurrentExec(WorkloadRegistry& registry);

} // namespace crucible::workloads::script_engine
