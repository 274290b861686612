#include "TimeScale.h"

#include <cmath>

namespace crucible::charts {

TimeScale timeScaleFor(double typicalNs)
{
    const double a = std::abs(typicalNs);
    if (a < 1e3)
        return {1, QStringLiteral("ns")};
    if (a < 1e6)
        return {1e3, QStringLiteral("µs")};
    if (a < 1e9)
        return {1e6, QStringLiteral("ms")};
    return {1e9, QStringLiteral("s")};
}

TimeScale timeScaleForRange(double minNs, double maxNs, bool logarithmic)
{
    if (logarithmic && minNs > 0 && maxNs > 0)
        return timeScaleFor(std::sqrt(minNs * maxNs));
    return timeScaleFor(maxNs);
}

bool wantsLogAxis(double minValue, double maxValue)
{
    // Beyond a factor of 30 the smallest values are squeezed into the bottom few percent of
    // a linear axis and their spread becomes invisible.
    return minValue > 0 && maxValue / minValue > 30;
}

} // namespace crucible::charts
