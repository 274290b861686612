#include "LiveChart.h"

#include "Decimation.h"
#include "TimeScale.h"

#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace crucible::charts {

void LiveChart::Range::include(const QList<QPointF>& points)
{
    for (const QPointF& p : points) {
        if (empty) {
            minX = maxX = p.x();
            minY = maxY = p.y();
            empty = false;
        }
        minX = std::min(minX, p.x());
        maxX = std::max(maxX, p.x());
        minY = std::min(minY, p.y());
        maxY = std::max(maxY, p.y());
    }
}

namespace {

// Divides y by `divisor`, after decimating to the chart's width.
QList<QPointF> prepared(const QList<QPointF>& points, int columns, double divisor)
{
    QList<QPointF> out = decimateMinMax(std::span<const QPointF>(points.constData(), std::size_t(points.size())), columns);
    for (QPointF& p : out)
        p.setY(p.y() / divisor);
    return out;
}

} // namespace

LiveChart::LiveChart(const QString& title, const QString& xTitle, ValueKind kind, QWidget* parent)
    : QWidget(parent), m_kind(kind), m_chart(new QChart), m_view(new QChartView(m_chart, this)),
      m_current(new QLineSeries), m_x(new QValueAxis), m_y(new QValueAxis)
{
    m_chart->setTitle(title);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->addSeries(m_current);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    m_current->attachAxis(m_x);
    m_current->attachAxis(m_y);
    m_current->setName(tr("this run"));
    m_x->setTitleText(xTitle);
    m_x->setLabelFormat(QStringLiteral("%.0f"));
    m_view->setRenderHint(QPainter::Antialiasing);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setLook(ChartLook::print());
    rescale();
}

LiveChart::~LiveChart() = default;

void LiveChart::setLook(const ChartLook& look)
{
    m_look = look;
    applyLook(*m_chart, look);
    applyLook(*m_x, look);
    applyLook(*m_y, look);
    QPen pen(look.seriesColor(0));
    pen.setWidthF(1.5);
    m_current->setPen(pen);
    for (QLineSeries* s : m_overlaySeries) {
        QColor faint = look.text;
        faint.setAlphaF(0.25);
        s->setPen(QPen(faint, 1.0));
    }
}

void LiveChart::setTitle(const QString& title)
{
    m_chart->setTitle(title);
}

void LiveChart::clear()
{
    m_points.clear();
    m_pointsRange = {};
    setOverlays({}, {});
    m_dirty = true;
}

void LiveChart::append(std::span<const QPointF> points)
{
    const QList<QPointF> added(points.begin(), points.end());
    m_pointsRange.include(added); // kept up to date here, so a frame never rescans the buffer
    m_points.append(added);
    m_dirty = true;
}

void LiveChart::setOverlays(std::vector<QList<QPointF>> overlays, const QStringList& labels)
{
    for (QLineSeries* s : m_overlaySeries) {
        m_chart->removeSeries(s);
        delete s;
    }
    m_overlaySeries.clear();
    m_overlays = std::move(overlays);
    for (std::size_t i = 0; i < m_overlays.size(); ++i) {
        auto* s = new QLineSeries;
        s->setName(i < std::size_t(labels.size()) ? labels[qsizetype(i)] : QString());
        m_chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
        m_overlaySeries.push_back(s);
    }
    // The current run is drawn last, on top of its history.
    m_chart->removeSeries(m_current);
    m_chart->addSeries(m_current);
    m_current->attachAxis(m_x);
    m_current->attachAxis(m_y);
    m_chart->legend()->setVisible(!m_overlays.empty());
    setLook(m_look);
    m_dirty = true;
}

qsizetype LiveChart::shownPoints() const
{
    return m_current->count();
}

bool LiveChart::refresh()
{
    if (!m_dirty)
        return false;
    m_dirty = false;
    rescale();
    return true;
}

void LiveChart::rescale()
{
    Range range = m_pointsRange;
    for (const QList<QPointF>& o : m_overlays)
        range.include(o);
    double divisor = 1;
    QString unit;
    if (m_kind == ValueKind::TimeNs) {
        const TimeScale scale = timeScaleFor(range.empty ? 1 : range.maxY);
        divisor = scale.nsPerUnit;
        unit = scale.unit;
        m_y->setTitleText(tr("time per iteration (%1)").arg(unit));
    } else {
        divisor = 1024.0 * 1024.0;
        m_y->setTitleText(tr("resident memory (MiB)"));
    }
    if (range.empty) {
        m_x->setRange(0, 10);
        m_y->setRange(0, 1);
    } else {
        // Latency axes start at zero so that a change reads in proportion; a little headroom.
        const double top = range.maxY / divisor * 1.08;
        m_y->setRange(0, top > 0 ? top : 1);
        m_y->applyNiceNumbers();
        m_x->setRange(range.minX, std::max(range.maxX, range.minX + 1));
        m_x->applyNiceNumbers(); // whole sample numbers on the ticks
    }
    // About two points per pixel column of the plot, whatever the length of the run.
    const int columns = std::max(50, int(m_chart->plotArea().width()));
    m_current->replace(prepared(m_points, columns, divisor));
    for (std::size_t i = 0; i < m_overlays.size(); ++i)
        m_overlaySeries[i]->replace(prepared(m_overlays[i], columns, divisor));
}

} // namespace crucible::charts
