#include "ScriptEngineWorkloads.h"

#include "ConcurrentExec.h"
#include "RegistryLookup.h"
#include "ScriptWorkloadInfo.h"
#include "ToolExecWorkloads.h"
#include "VmWorkloads.h"

namespace crucible::workloads {

void registerScriptEngineWorkloads(WorkloadRegistry& registry)
{
    script_engine::registerToolExecWorkloads(registry); // tool_exec.simple/medium/complex, error_handling
    script_engine::registerVmWorkloads(registry);       // vm_lifecycle, memory_per_vm, compile
    script_engine::registerConcurrentExec(registry);    // concurrent_exec
    script_engine::registerRegistryLookup(registry);    // registry_lookup
}

} // namespace crucible::workloads
