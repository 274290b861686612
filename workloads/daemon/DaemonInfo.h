#pragma once

#include "Workload.h"

#include <cstdint>
#include <stop_token>

// Helpers shared by the daemon workloads.
namespace crucible::workloads::daemon {

// The info of one workload: id "daemon.<name>", time per iteration in ns.
inline WorkloadInfo daemonInfo(const char* name, const char* operation, const char* description)
{
    WorkloadInfo info;
    info.id = QStringLiteral("daemon.") + QLatin1String(name);
    info.category = Category::Daemon;
    info.description = QString::fromUtf8(description);
    info.unit = QStringLiteral("ns");
    info.operation = QLatin1String(operation);
    return info;
}

// For iterations of a few microseconds or less: looking at the stop token once per 1024
// iterations keeps Stop prompt at no measurable cost. Workloads whose iterations take ten
// microseconds or more (thread hand-overs, sockets, rounds) look at it every iteration.
inline bool stopRequestedAt(std::uint64_t iteration, const std::stop_token& stop)
{
    return (iteration & 1023u) == 0 && stop.stop_requested();
}

} // namespace crucible::workloads::daemon
