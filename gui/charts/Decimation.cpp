#include "Decimation.h"

#include <algorithm>
#include <cmath>

namespace crucible::charts {

QList<QPointF> decimateMinMax(std::span<const QPointF> points, int columns)
{
    columns = std::max(columns, 1);
    if (points.size() <= std::size_t(2 * columns))
        return QList<QPointF>(points.begin(), points.end());

    const double x0 = points.front().x();
    const double span = points.back().x() - x0;
    QList<QPointF> out;
    out.reserve(2 * columns);
    std::size_t begin = 0;
    while (begin < points.size()) {
        // Column of the bucket's first point; the bucket runs while points stay in it.
        const auto columnOf = [&](const QPointF& p) {
            return span > 0 ? std::min(int((p.x() - x0) / span * columns), columns - 1) : 0;
        };
        const int column = columnOf(points[begin]);
        std::size_t end = begin + 1;
        std::size_t lo = begin;
        std::size_t hi = begin;
        for (; end < points.size() && columnOf(points[end]) == column; ++end) {
            if (points[end].y() < points[lo].y())
                lo = end;
            if (points[end].y() > points[hi].y())
                hi = end;
        }
        out.append(points[std::min(lo, hi)]);
        if (lo != hi)
            out.append(points[std::max(lo, hi)]);
        begin = end;
    }
    return out;
}

} // namespace crucible::charts
