#include "BuiltInWorkloads.h"

#include "architecture/ArchitectureWorkloads.h"

namespace crucible::workloads {

void registerBuiltInWorkloads(WorkloadRegistry& registry)
{
    registerArchitectureWorkloads(registry);
}

} // namespace crucible::workloads
