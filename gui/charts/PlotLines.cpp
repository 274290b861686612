#include "PlotLines.h"

#include <QChart>
#include <QPainter>
#include <QPolygonF>
#include <QValueAxis>

namespace crucible::charts {

PlotLines::PlotLines(QChart* chart, const QValueAxis* x, const QValueAxis* y)
    : QGraphicsItem(chart), m_chart(chart), m_x(x), m_y(y), m_area(chart->plotArea())
{
    // Above the chart's own series and grid (children of its presenter's root item, z 0).
    setZValue(1);
}

void PlotLines::setLineCount(std::size_t count)
{
    m_lines.resize(count);
    update();
}

void PlotLines::setPoints(std::size_t line, QList<QPointF> points)
{
    m_lines.at(line).points = std::move(points);
    update();
}

void PlotLines::setPen(std::size_t line, const QPen& pen)
{
    m_lines.at(line).pen = pen;
    update();
}

void PlotLines::setBand(std::optional<Band> band)
{
    m_band = std::move(band);
    update();
}

qsizetype PlotLines::pointCount(std::size_t line) const
{
    return line < m_lines.size() ? m_lines[line].points.size() : 0;
}

void PlotLines::plotAreaChanged()
{
    prepareGeometryChange();
    m_area = m_chart->plotArea();
    update();
}

QRectF PlotLines::boundingRect() const
{
    return m_area;
}

void PlotLines::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const double spanX = m_x->max() - m_x->min();
    const double spanY = m_y->max() - m_y->min();
    if (m_area.isEmpty() || spanX <= 0 || spanY <= 0)
        return;
    const double sx = m_area.width() / spanX;
    const double sy = m_area.height() / spanY;
    auto yAt = [&](double y) { return m_area.bottom() - (y - m_y->min()) * sy; };
    painter->save();
    painter->setClipRect(m_area);
    if (m_band) {
        painter->fillRect(QRectF(QPointF(m_area.left(), yAt(m_band->high)), QPointF(m_area.right(), yAt(m_band->low))),
                          m_band->fill);
        painter->setPen(m_band->middlePen);
        painter->drawLine(QPointF(m_area.left(), yAt(m_band->middle)), QPointF(m_area.right(), yAt(m_band->middle)));
    }
    QPolygonF polygon;
    for (const Line& line : m_lines) {
        polygon.resize(line.points.size());
        for (qsizetype i = 0; i < line.points.size(); ++i) {
            const QPointF& p = line.points[i];
            polygon[i] = QPointF(m_area.left() + (p.x() - m_x->min()) * sx, yAt(p.y()));
        }
        painter->setPen(line.pen);
        // A line of more points than pixel columns is a dense band of vertical strokes, where
        // antialiasing shows nothing but costs most of the drawing time.
        painter->setRenderHint(QPainter::Antialiasing, polygon.size() <= m_area.width());
        if (polygon.size() == 1)
            painter->drawPoint(polygon.front());
        else
            painter->drawPolyline(polygon);
    }
    painter->restore();
}

} // namespace crucible::charts
