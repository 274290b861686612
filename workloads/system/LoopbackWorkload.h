#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::sys {

// system.loopback: a UDP datagram's round trip through the kernel's loopback interface.
void registerLoopbackWorkload(WorkloadRegistry& registry);

} // namespace crucible::workloads::sys
