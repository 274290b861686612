#include "BuiltInWorkloads.h"

#include "architecture/ArchitectureWorkloads.h"
#include "cli/CliWorkloads.h"
#include "daemon/DaemonWorkloads.h"
#include "script_engine/ScriptEngineWorkloads.h"
#include "system/SystemWorkloads.h"

namespace crucible::workloads {

void registerBuiltInWorkloads(WorkloadRegistry& registry)
{
    registerArchitectureWorkloads(registry);
    registerScriptEngineWorkloads(registry);
    registerDaemonWorkloads(registry);
    registerSystemWorkloads(registry);
    registerCliWorkloads(registry);
}

} // namespace crucible::workloads
