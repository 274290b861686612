#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::daemon {

// daemon.discovery, daemon.health_check, daemon.lifecycle, daemon.memory.
void registerRuntimeWorkloads(WorkloadRegistry& registry);

} // namespace crucible::workloads::daemon
