#include "Decimation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace crucible::charts {

QList<QPointF> decimateMinMax(std::span<const QPointF> points, int columns)
{
    columns = std::max(columns, 1);
    if (points.size() <= 2 * std::size_t(columns))
        return QList<QPointF>(points.begin(), points.end());

    const double x0 = points.front().x();
    const double span = points.back().x() - x0;
    QList<QPointF> out;
    out.reserve(2 * qsizetype(columns));
    const std::size_t n = points.size();
    std::size_t begin = 0;
    while (begin < n) {
        // The bucket is the column of its first point; it runs while points stay left of the
        // column's right edge. One comparison per point keeps a million points in a few ms.
        const int column = span > 0 ? std::min(int((points[begin].x() - x0) / span * columns), columns - 1) : 0;
        const double edge = column == columns - 1 || span <= 0 ? std::numeric_limits<double>::infinity()
                                                               : x0 + span * double(column + 1) / columns;
        std::size_t lo = begin;
        std::size_t hi = begin;
        std::size_t end = begin + 1;
        for (; end < n && points[end].x() < edge; ++end) {
            const double y = points[end].y();
            if (y < points[lo].y())
                lo = end;
            if (y > points[hi].y())
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
