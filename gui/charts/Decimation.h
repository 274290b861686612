#pragma once

#include <QList>
#include <QPointF>

#include <span>

namespace crucible::charts {

// Reduces points sorted by x to at most two per column of `columns` equal x-ranges: the lowest
// and the highest point of each column, in their original order. A line through the result
// covers exactly the pixels the full series would, spikes included (what matters in latency
// data: a single slow sample must not vanish, which averaging or LTTB can let happen), and a
// chart never holds more than ~2 points per pixel column however long the run.
// Returns the input unchanged when it already has no more than 2 * columns points.
QList<QPointF> decimateMinMax(std::span<const QPointF> points, int columns);

} // namespace crucible::charts
