#include "ArchitectureWorkloads.h"

#include "AllocPair.h"
#include "ErrorsPair.h"
#include "EventsPair.h"
#include "PluginsPair.h"
#include "ToolExecPair.h"

namespace crucible::workloads {

void registerArchitectureWorkloads(WorkloadRegistry& registry)
{
    architecture::registerToolExecPair(registry); // tool_exec.layered / .direct
    architecture::registerEventsPair(registry);   // events.string_keyed / .typed
    architecture::registerPluginsPair(registry);  // plugins.registry / .static
    architecture::registerAllocPair(registry);    // alloc.small_objects / .arena
    architecture::registerErrorsPair(registry);   // errors.exceptions / .values
}

} // namespace crucible::workloads
