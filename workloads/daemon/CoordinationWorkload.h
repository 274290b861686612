#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::daemon {

// daemon.coordination: rounds of shared work among threads meeting at barriers.
void registerCoordinationWorkload(WorkloadRegistry& registry);

} // namespace crucible::workloads::daemon
