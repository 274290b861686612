#include "ScriptEngineWorkloads.h"

#include "ConcurrentExec.h"
#include "RegistryLookup.h"
#include "ScriptWorkloadInfo.h"
#include "ToolExecWorkloads.h"
#include "VmWorkloads.h"

#include <stdexcept>
#include <string>

namespace crucible::workloads {

namespace script_engine {

int countParameter(const QVariantMap& parameters, const char* key, int fallback, int max)
{
    const QVariant value = parameters.value(QLatin1String(key));
    if (!value.isValid())
        return fallback;
    bool ok = false;
    const int n = value.toInt(&ok);
    if (!ok || n < 1 || n > max)
        throw std::invalid_argument(std::string("parameter ") + key + " must be a whole number from 1 to " +
                                    std::to_string(max));
    return n;
}

} // namespace script_engine

void registerScriptEngineWorkloads(WorkloadRegistry& registry)
{
    script_engine::registerToolExecWorkloads(registry);  // tool_exec.simple/medium/complex, error_handling
    script_engine::registerVmWorkloads(registry);        // vm_lifecycle, memory_per_vm, compile
    script_engine::registerConcurrentExec(registry);     // concurrent_exec
    script_engine::registerRegistryLookup(registry);     // registry_lookup
}

} // namespace crucible::workloads
