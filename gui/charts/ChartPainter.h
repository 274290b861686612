#pragma once

#include <QRectF>
#include <QSizeF>

QT_BEGIN_NAMESPACE
class QChart;
class QPainter;
class QPaintDevice;
QT_END_NAMESPACE

namespace crucible::charts {

// The size in scene pixels that a chart must be laid out at so that, drawn into `target`
// (device units of `device`), its point-sized fonts come out at their real size. Qt Charts
// lays text out at the screen's logical DPI (96 on the offscreen platform) while a QPdfWriter
// has 1200 dots per inch: laid out at the target's device size, an 8 pt label would shrink
// to a speck.
QSizeF chartSceneSize(const QPaintDevice& device, const QSizeF& target);

// Draws `chart` into `target` with no view: the chart goes into a QGraphicsScene of
// chartSceneSize(), which renders through `painter` (vector output on a QPdfWriter). The chart
// leaves the scene afterwards and stays owned by the caller.
void paintChart(QChart& chart, QPainter& painter, const QRectF& target);

} // namespace crucible::charts
