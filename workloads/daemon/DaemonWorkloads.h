#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads {

// The `daemon` category: an in-process service runtime (Runtime, Service, EventRouter,
// ServiceDirectory, BufferPool) and loopback TCP, measured as a daemon uses them.
void registerDaemonWorkloads(WorkloadRegistry& registry);

} // namespace crucible::workloads
