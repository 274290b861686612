#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::daemon {

// daemon.event_routing.throughput, daemon.event_routing.latency, daemon.subscription_churn.
void registerRoutingWorkloads(WorkloadRegistry& registry);

} // namespace crucible::workloads::daemon
