#pragma once

#include <QBrush>
#include <QGraphicsItem>
#include <QList>
#include <QPen>
#include <QPointF>

#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QValueAxis;
QT_END_NAMESPACE

namespace crucible::charts {

// Lines drawn straight into a QChart's plot area, in the units of its two value axes, for the
// live charts. A QLineSeries costs more per point than a frame can spend on thousands of
// points: every replace() strokes the whole line into an outline for mouse hit-testing, and
// paint() hands each segment to the paint engine as a separate line. This item keeps no
// outline and draws each line with one drawPolyline() call, which with a cosmetic pen no wider
// than a pixel takes the raster engine's fast path. The chart still draws the axes, grid,
// title and legend. Lines are drawn in order: the last on top. Below them all, a horizontal band
// may span the whole width (a baseline's middle half of samples), with a line at its median.
class PlotLines final : public QGraphicsItem {
public:
    // In y-axis units.
    struct Band {
        double low = 0;
        double middle = 0;
        double high = 0;
        QBrush fill;
        QPen middlePen;
    };

    PlotLines(QChart* chart, const QValueAxis* x, const QValueAxis* y);

    void setLineCount(std::size_t count);
    // Points in axis units, sorted by x (as decimation leaves them).
    void setPoints(std::size_t line, QList<QPointF> points);
    void setPen(std::size_t line, const QPen& pen);
    void setBand(std::optional<Band> band);
    qsizetype pointCount(std::size_t line) const;
    const QList<QPointF>& points(std::size_t line) const { return m_lines.at(line).points; }
    // The chart's plot area moved or resized: call before the next paint.
    void plotAreaChanged();

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    struct Line {
        QList<QPointF> points;
        QPen pen;
    };

    const QChart* m_chart;
    const QValueAxis* m_x;
    const QValueAxis* m_y;
    std::vector<Line> m_lines;
    std::optional<Band> m_band;
    QRectF m_area;
};

} // namespace crucible::charts
