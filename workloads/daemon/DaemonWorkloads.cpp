#include "DaemonWorkloads.h"

#include "CoordinationWorkload.h"
#include "RoutingWorkloads.h"
#include "RuntimeWorkloads.h"
#include "TcpWorkloads.h"

namespace crucible::workloads {

void registerDaemonWorkloads(WorkloadRegistry& registry)
{
    daemon::registerRoutingWorkloads(registry);     // event_routing.throughput/.latency, subscription_churn
    daemon::registerRuntimeWorkloads(registry);     // discovery, health_check, lifecycle, memory
    daemon::registerCoordinationWorkload(registry); // coordination
    daemon::registerTcpWorkloads(registry);         // tcp.round_trip, tcp.throughput
}

} // namespace crucible::workloads
