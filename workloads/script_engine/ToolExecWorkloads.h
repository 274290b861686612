#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::script_engine {

// script_engine.tool_exec.simple / .medium / .complex and script_engine.error_handling: one
// tool call as a host makes it, arguments marshalled in and the result (or error) read back.
void registerToolExecWorkloads(WorkloadRegistry& registry);

} // namespace crucible::workloads::script_engine
