#include "NiceScale.h"

#include <algorithm>
#include <cmath>

namespace crucible::charts {

namespace {
// 1, 2, 5 or 10 times a power of ten, the nearest to `x`.
double niceNumber(double x)
{
    const double z = std::pow(10.0, std::floor(std::log10(x)));
    const double q = x / z;
    return (q < 1.5 ? 1 : q < 3 ? 2 : q < 7 ? 5 : 10) * z;
}
} // namespace

NiceScale niceScale(double min, double max, int ticks)
{
    ticks = std::max(ticks, 2);
    if (!(max > min)) // also catches NaN
        max = min + 1;
    // The step from the range itself (QValueAxis first rounds the range up to 1, 2, 5 or 10,
    // which can leave a third of the axis empty).
    const double step = niceNumber((max - min) / (ticks - 1));
    NiceScale s;
    s.min = std::floor(min / step) * step;
    s.max = std::ceil(max / step) * step;
    s.tickCount = int(std::lround((s.max - s.min) / step)) + 1;
    return s;
}

QString tickLabelFormat(const NiceScale& scale)
{
    if (scale.tickCount < 2 || !(scale.max > scale.min))
        return QStringLiteral("%g");
    // The step is 1, 2 or 5 times 10^k: -k decimals show it exactly (the nudge keeps 10^-1
    // from reading as 10^-2 after rounding).
    const double step = (scale.max - scale.min) / (scale.tickCount - 1);
    const int decimals = std::clamp(int(-std::floor(std::log10(step) + 1e-9)), 0, 9);
    return QStringLiteral("%.%1f").arg(decimals);
}

} // namespace crucible::charts
