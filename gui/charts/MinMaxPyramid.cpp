#include "MinMaxPyramid.h"

#include <algorithm>
#include <limits>

namespace crucible::charts {

void MinMaxPyramid::clear()
{
    m_points.clear();
    m_levels.clear();
}

void MinMaxPyramid::append(std::span<const QPointF> points)
{
    if (points.empty())
        return;
    const std::size_t first = m_points.size();
    m_points.insert(m_points.end(), points.begin(), points.end());
    rebuildFrom(first);
}

double MinMaxPyramid::minY() const
{
    return m_points[extremes(0, m_points.size()).low].y();
}

double MinMaxPyramid::maxY() const
{
    return m_points[extremes(0, m_points.size()).high].y();
}

std::size_t MinMaxPyramid::levelSize(int level) const
{
    return level < 0 ? m_points.size() : m_levels[std::size_t(level)].size();
}

MinMaxPyramid::Extremes MinMaxPyramid::element(int level, std::size_t e) const
{
    return level < 0 ? Extremes{e, e} : m_levels[std::size_t(level)][e];
}

void MinMaxPyramid::fold(Extremes& into, int level, std::size_t e) const
{
    const Extremes x = element(level, e);
    const double low = m_points[x.low].y();
    const double high = m_points[x.high].y();
    const double intoLow = m_points[into.low].y();
    const double intoHigh = m_points[into.high].y();
    // Ties go to the earlier point, as in decimateMinMax's left-to-right scan.
    if (low < intoLow || (low == intoLow && x.low < into.low))
        into.low = x.low;
    if (high > intoHigh || (high == intoHigh && x.high < into.high))
        into.high = x.high;
}

void MinMaxPyramid::rebuildFrom(std::size_t firstPoint)
{
    // Level by level, the elements from the one holding the first new point to the end.
    std::size_t firstBelow = firstPoint;
    for (int level = 0;; ++level) {
        const std::size_t below = levelSize(level - 1);
        if (below <= 1)
            break; // one element covers everything: no level above it is needed
        if (std::size_t(level) == m_levels.size())
            m_levels.emplace_back();
        Level& l = m_levels[std::size_t(level)];
        const std::size_t size = (below + kFanOut - 1) / kFanOut;
        const std::size_t first = firstBelow / kFanOut;
        l.resize(size);
        for (std::size_t e = first; e < size; ++e) {
            Extremes x = element(level - 1, e * kFanOut);
            const std::size_t end = std::min(below, (e + 1) * kFanOut);
            for (std::size_t c = e * kFanOut + 1; c < end; ++c)
                fold(x, level - 1, c);
            l[e] = x;
        }
        firstBelow = first;
    }
}

MinMaxPyramid::Extremes MinMaxPyramid::extremes(std::size_t begin, std::size_t end) const
{
    Extremes result{begin, begin};
    // Take single elements at the ragged ends of the range, then climb a level where the rest
    // is whole blocks: at most 2 * (kFanOut - 1) look-ups per level.
    int level = -1;
    std::size_t b = begin;
    std::size_t e = end;
    while (b < e) {
        if (level + 1 == int(m_levels.size())) {
            for (; b < e; ++b)
                fold(result, level, b);
            break;
        }
        for (; b < e && b % kFanOut != 0; ++b)
            fold(result, level, b);
        for (; e > b && e % kFanOut != 0; --e)
            fold(result, level, e - 1);
        b /= kFanOut;
        e /= kFanOut;
        ++level;
    }
    return result;
}

QList<QPointF> MinMaxPyramid::decimate(int columns) const
{
    // The same buckets as decimateMinMax(): a bucket is the column of its first point and runs
    // while points stay left of that column's right edge; the edge is found by binary search.
    columns = std::max(columns, 1);
    const std::size_t n = m_points.size();
    if (n <= 2 * std::size_t(columns))
        return QList<QPointF>(m_points.begin(), m_points.end());
    const double x0 = m_points.front().x();
    const double span = m_points.back().x() - x0;
    QList<QPointF> out;
    out.reserve(2 * qsizetype(columns));
    std::size_t begin = 0;
    while (begin < n) {
        const int column = span > 0 ? std::min(int((m_points[begin].x() - x0) / span * columns), columns - 1) : 0;
        const double edge = column == columns - 1 || span <= 0 ? std::numeric_limits<double>::infinity()
                                                               : x0 + span * double(column + 1) / columns;
        const auto endIt = std::partition_point(m_points.begin() + std::ptrdiff_t(begin) + 1, m_points.end(),
                                                [edge](const QPointF& p) { return p.x() < edge; });
        const std::size_t end = std::size_t(endIt - m_points.begin());
        const Extremes x = extremes(begin, end);
        out.append(m_points[std::min(x.low, x.high)]);
        if (x.low != x.high)
            out.append(m_points[std::max(x.low, x.high)]);
        begin = end;
    }
    return out;
}

} // namespace crucible::charts
