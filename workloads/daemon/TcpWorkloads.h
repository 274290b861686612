#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::daemon {

// daemon.tcp.round_trip and daemon.tcp.throughput: loopback TCP to a server thread.
void registerTcpWorkloads(WorkloadRegistry& registry);

} // namespace crucible::workloads::daemon
