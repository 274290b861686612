#pragma once

#include "Workload.h"

#include <cstdint>
#include <stop_token>

// Helpers shared by the five architecture pairs.
namespace crucible::workloads::architecture {

// The info of one side of a pair: id "architecture.<pair>.<side>", paired with the other side
// so that the engine can interleave the two and report their ratio.
inline WorkloadInfo pairSideInfo(const char* pair, const char* side, const char* otherSide,
                                 const char* operation, const char* description)
{
    const QString prefix = QStringLiteral("architecture.") + QLatin1String(pair) + u'.';
    WorkloadInfo info;
    info.id = prefix + QLatin1String(side);
    info.pairedWith = prefix + QLatin1String(otherSide);
    info.category = Category::Architecture;
    info.description = QString::fromUtf8(description);
    info.unit = QStringLiteral("ns");
    info.operation = QLatin1String(operation);
    return info;
}

// Every iteration of these workloads lasts well under 50 µs, so looking at the stop token once
// per 1024 iterations keeps Stop within the 200 ms budget while costing nothing measurable.
// Both sides of a pair use the same check, so it cancels out of their ratio.
inline bool stopRequestedAt(std::uint64_t iteration, const std::stop_token& stop)
{
    return (iteration & 1023u) == 0 && stop.stop_requested();
}

} // namespace crucible::workloads::architecture
