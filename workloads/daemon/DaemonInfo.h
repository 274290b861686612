#pragma once

#include "Workload.h"

#include <cstdint>
#include <stop_token>

// Helpers shared by the daemon workloads.
namespace crucible::workloads::daemon {

// The info of one workload: id "daemon.<name>", time per iteration in ns.
inline WorkloadInfo daemonInfo(const char* name, const char* operation, const char* description)
{
    return builtInInfo(Category::Daemon, QLatin1String(name), QLatin1String(operation), QString::fromUtf8(description));
}

} // namespace crucible::workloads::daemon
