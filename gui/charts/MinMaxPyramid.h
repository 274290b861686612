#pragma once

#include <QList>
#include <QPointF>

#include <cstdint>
#include <span>
#include <vector>

namespace crucible::charts {

// A growing series of points sorted by x, with the lowest and the highest point of every block
// of 8, 64, 512 … points kept as it grows. decimate() then gives the same points as
// decimateMinMax() over the whole series, but finds each column's extremes in a few block
// look-ups instead of rescanning every point: a live chart of a million samples is decimated
// in a fraction of a millisecond per frame, and append() costs a few comparisons per point.
class MinMaxPyramid {
public:
    void clear();
    // Points must come in order of x (not decreasing), after those already held.
    void append(std::span<const QPointF> points);

    qsizetype size() const { return qsizetype(m_points.size()); }
    bool isEmpty() const { return m_points.empty(); }
    const std::vector<QPointF>& points() const { return m_points; }
    // The extent of every point held; meaningless while empty.
    double minX() const { return m_points.front().x(); }
    double maxX() const { return m_points.back().x(); }
    double minY() const;
    double maxY() const;

    // Indices of the lowest and of the highest point among [begin, end) (begin < end); of equal
    // values the first.
    struct Extremes {
        std::size_t low = 0;
        std::size_t high = 0;
    };
    Extremes extremes(std::size_t begin, std::size_t end) const;

    // decimateMinMax(points(), columns), computed from the blocks.
    QList<QPointF> decimate(int columns) const;

private:
    static constexpr std::size_t kFanOut = 8;
    using Level = std::vector<Extremes>; // element i covers elements [i*8, i*8+8) of the level below

    // Folds element `e` of `level` (-1: the points themselves) into `into`.
    void fold(Extremes& into, int level, std::size_t e) const;
    Extremes element(int level, std::size_t e) const;
    std::size_t levelSize(int level) const;
    // Recomputes the elements of every level that cover points from `firstPoint` on.
    void rebuildFrom(std::size_t firstPoint);

    std::vector<QPointF> m_points;
    std::vector<Level> m_levels;
};

} // namespace crucible::charts
