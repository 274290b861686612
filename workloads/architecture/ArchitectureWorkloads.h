#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads {

// The `architecture` category: five pairs, each doing one job the old (layered, heavyweight)
// way and the new (direct) way, registered with `pairedWith` naming each other so that the
// engine measures them interleaved and reports their ratio.
void registerArchitectureWorkloads(WorkloadRegistry& registry);

} // namespace crucible::workloads
