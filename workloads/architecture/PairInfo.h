#pragma once

#include "Workload.h"

#include <cstdint>
#include <stop_token>

// Helpers shared by the five architecture pairs.
namespace crucible::workloads::architecture {

// The info of one side of a pair: id "architecture.<pair>.<side>", paired with the other side
// so that the engine can interleave the two and report their ratio.
inline WorkloadInfo pairSideInfo(const char* pair, const char* side, const char* otherSide, const char* operation,
                                 const char* description)
{
    WorkloadInfo info = builtInInfo(Category::Architecture, QLatin1String(pair) + u'.' + QLatin1String(side),
                                    QLatin1String(operation), QString::fromUtf8(description));
    info.pairedWith = QStringLiteral("architecture.") + QLatin1String(pair) + u'.' + QLatin1String(otherSide);
    return info;
}

} // namespace crucible::workloads::architecture
