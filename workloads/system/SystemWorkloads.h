#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads {

// The `system` category: what the machine and this program cost — compile time, binary size,
// memory footprint, CPU use, file I/O with and without fsync, SQLite queries, loopback
// network, clean-up.
void registerSystemWorkloads(WorkloadRegistry& registry);

} // namespace crucible::workloads
