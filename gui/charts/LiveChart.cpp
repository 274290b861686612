#include "LiveChart.h"

#include "TimeScale.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace crucible::charts {

namespace {

// Divides y by `divisor`, after decimating to `columns`.
QList<QPointF> prepared(const MinMaxPyramid& points, int columns, double divisor)
{
    QList<QPointF> out = points.decimate(columns);
    for (QPointF& p : out)
        p.setY(p.y() / divisor);
    return out;
}

// One device pixel wide whatever the scale (a cosmetic pen): the raster engine's fast path.
QPen linePen(const QColor& color)
{
    QPen pen(color, 1.0);
    pen.setCosmetic(true);
    return pen;
}

QColor faint(const ChartLook& look)
{
    QColor c = look.text;
    c.setAlphaF(0.3);
    return c;
}

// The baseline's band: its own colour, so that it does not read as one more earlier run.
QColor bandFill(const ChartLook& look)
{
    QColor c = look.seriesColor(1);
    c.setAlphaF(0.18);
    return c;
}

QPen bandMiddlePen(const ChartLook& look)
{
    QPen pen = linePen(look.seriesColor(1));
    pen.setStyle(Qt::DashLine);
    return pen;
}

} // namespace

LiveChart::LiveChart(const QString& title, const QString& xTitle, ValueKind kind, QWidget* parent)
    : QWidget(parent), m_kind(kind), m_chart(new QChart),
      m_view(new QChartView(m_chart, this)), m_currentSeries{new QLineSeries}, m_lines(nullptr), m_x(new QValueAxis),
      m_y(new QValueAxis), m_points(1)
{
    m_chart->setTitle(title);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setVisible(false); // until there are overlays to tell apart
    m_chart->addSeries(m_currentSeries.front());
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    m_currentSeries.front()->attachAxis(m_x);
    m_currentSeries.front()->attachAxis(m_y);
    m_currentSeries.front()->setName(tr("this run"));
    m_x->setTitleText(xTitle);
    m_x->setLabelFormat(QStringLiteral("%.0f"));
    m_lines = new PlotLines(m_chart, m_x, m_y);
    m_lines->setLineCount(1);
    connect(m_chart, &QChart::plotAreaChanged, this, [this] { m_lines->plotAreaChanged(); });
    // No antialiasing for what Qt Charts draws (grid, axes, ticks: straight lines on whole
    // pixels): its grid lines, drawn antialiased, took two thirds of the GUI thread's time of a
    // redraw after the axes changed (perf, bench_gui median: the longest busy stretch while
    // samples stream went from 35-49 ms to 17 ms without it). PlotLines turns it on for the
    // data lines it draws.
    m_view->setRenderHint(QPainter::Antialiasing, false);
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
    applyPens();
}

void LiveChart::applyPens()
{
    const std::size_t first = m_overlays.size();
    for (std::size_t k = 0; k < m_currentSeries.size(); ++k) {
        // The first line keeps colour 0; a pair's second side takes 2 (1 is the baseline band's).
        const QColor color = m_look.seriesColor(k == 0 ? 0 : int(k) + 1);
        m_currentSeries[k]->setPen(QPen(color, 2));
        m_lines->setPen(first + k, linePen(color));
    }
    for (std::size_t i = 0; i < m_overlaySeries.size(); ++i) {
        m_overlaySeries[i]->setPen(QPen(faint(m_look), 2));
        m_lines->setPen(i, linePen(faint(m_look)));
    }
    if (m_bandSeries) {
        m_bandSeries->setBrush(bandFill(m_look));
        m_bandSeries->setPen(bandMiddlePen(m_look));
    }
    m_dirty = true; // the band's colours go to PlotLines with its values
}

void LiveChart::setTitle(const QString& title)
{
    m_chart->setTitle(title);
}

void LiveChart::setMinimumXExtent(double x)
{
    m_minimumXExtent = x;
    m_dirty = true;
}

void LiveChart::clear()
{
    clearLine();
    setHistory(std::nullopt, {}, {});
    m_dirty = true;
}

void LiveChart::clearLine()
{
    setCurrentLines({tr("this run")});
}

void LiveChart::setCurrentLines(const QStringList& names)
{
    const std::size_t count = std::max<std::size_t>(1, std::size_t(names.size()));
    for (MinMaxPyramid& p : m_points)
        p.clear();
    m_points.resize(count);
    const bool countChanged = m_currentSeries.size() != count;
    while (m_currentSeries.size() > count) {
        m_chart->removeSeries(m_currentSeries.back());
        delete m_currentSeries.back();
        m_currentSeries.pop_back();
    }
    while (m_currentSeries.size() < count)
        m_currentSeries.push_back(new QLineSeries); // added to the chart by restack()
    // Renamed in place while the number stays (a new workload starts): no legend relayout.
    for (std::size_t k = 0; k < count; ++k)
        m_currentSeries[k]->setName(names.value(qsizetype(k), tr("this run")));
    if (countChanged) {
        m_lines->setLineCount(m_overlays.size() + count);
        restack();
        applyPens();
    }
    m_dirty = true;
}

void LiveChart::append(std::span<const QPointF> points, std::size_t line)
{
    if (line >= m_points.size())
        return;
    m_points[line].append(points);
    m_dirty = true;
}

qsizetype LiveChart::bufferedPoints() const
{
    qsizetype n = 0;
    for (const MinMaxPyramid& p : m_points)
        n += p.size();
    return n;
}

void LiveChart::setHistory(std::optional<Band> band, const std::vector<QList<QPointF>>& overlays,
                           const QStringList& labels)
{
    const bool bandChanged = replaceBand(std::move(band));
    if (replaceOverlays(overlays, labels) || bandChanged)
        restack();
    applyPens();
}

bool LiveChart::replaceOverlays(const std::vector<QList<QPointF>>& overlays, const QStringList& labels)
{
    // The current run's lines move to the end; they stay shown until the next refresh.
    std::vector<QList<QPointF>> current;
    for (std::size_t k = 0; k < m_points.size(); ++k)
        current.push_back(m_lines->points(m_overlays.size() + k));
    m_overlays.clear();
    for (const QList<QPointF>& points : overlays)
        m_overlays.emplace_back().append(std::span<const QPointF>(points.constData(), std::size_t(points.size())));
    m_lines->setLineCount(m_overlays.size() + m_points.size());
    for (std::size_t k = 0; k < current.size(); ++k)
        m_lines->setPoints(m_overlays.size() + k, current[k]);
    m_dirty = true;
    m_overlaysDirty = true;
    // Legend entries are kept while their number stays: taking series out of the chart and
    // putting them back recreates the legend's items and lays the chart out again, tens of
    // milliseconds of the GUI thread when a workload starts. A new name is set in place.
    const bool countChanged = m_overlaySeries.size() != m_overlays.size();
    while (m_overlaySeries.size() > m_overlays.size()) {
        m_chart->removeSeries(m_overlaySeries.back());
        delete m_overlaySeries.back();
        m_overlaySeries.pop_back();
    }
    while (m_overlaySeries.size() < m_overlays.size())
        m_overlaySeries.push_back(new QLineSeries); // added to the chart by restack()
    for (std::size_t i = 0; i < m_overlaySeries.size(); ++i)
        m_overlaySeries[i]->setName(labels.value(qsizetype(i)));
    return countChanged;
}

bool LiveChart::replaceBand(std::optional<Band> band)
{
    m_band = std::move(band);
    m_dirty = true;
    const bool presenceChanged = m_band.has_value() != (m_bandSeries != nullptr);
    if (m_band && !m_bandSeries) {
        // Only a legend entry: PlotLines draws the band. An area series' marker shows its fill;
        // without an upper series it draws nothing itself (and there is no line series to own:
        // the chart would not take that one over).
        m_bandSeries = new QAreaSeries; // added to the chart by restack()
    } else if (!m_band && m_bandSeries) {
        m_chart->removeSeries(m_bandSeries);
        delete m_bandSeries;
        m_bandSeries = nullptr;
    }
    if (m_bandSeries)
        m_bandSeries->setName(m_band->label);
    return presenceChanged;
}

void LiveChart::restack()
{
    const QList<QAbstractSeries*> shown = m_chart->series();
    for (QAbstractSeries* s : shown)
        m_chart->removeSeries(s);
    QList<QAbstractSeries*> order;
    if (m_bandSeries)
        order << m_bandSeries;
    for (QLineSeries* s : m_overlaySeries)
        order << s;
    for (QLineSeries* s : m_currentSeries)
        order << s; // drawn last, on top of its history
    for (QAbstractSeries* s : order) {
        m_chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    m_chart->legend()->setVisible(order.size() > 1);
}

qsizetype LiveChart::shownPoints() const
{
    qsizetype n = 0;
    for (std::size_t k = 0; k < m_points.size(); ++k)
        n += m_lines->pointCount(m_overlays.size() + k);
    return n;
}

bool LiveChart::refresh()
{
    if (!m_dirty)
        return false;
    m_dirty = false;
    rescale();
    return true;
}

double LiveChart::updateAxes()
{
    bool empty = true;
    double minX = 0;
    double maxX = 0;
    double maxY = 0;
    std::vector<const MinMaxPyramid*> all;
    for (const MinMaxPyramid& p : m_points)
        all.push_back(&p);
    for (const MinMaxPyramid& o : m_overlays)
        all.push_back(&o);
    for (const MinMaxPyramid* line : all) {
        const MinMaxPyramid& o = *line;
        if (o.isEmpty())
            continue;
        minX = empty ? o.minX() : std::min(minX, o.minX());
        maxX = empty ? o.maxX() : std::max(maxX, o.maxX());
        maxY = empty ? o.maxY() : std::max(maxY, o.maxY());
        empty = false;
    }
    if (m_band) { // spans whatever x range the lines have: only its height counts
        maxY = empty ? m_band->high : std::max(maxY, m_band->high);
        empty = false;
    }
    // With nothing to draw the axes would read 0…1 and mean nothing: hidden until data comes.
    const bool hasData = !empty;
    if (hasData != m_axesShown) {
        m_x->setVisible(hasData);
        m_y->setVisible(hasData);
        m_axesShown = hasData;
    }
    double divisor = 1024.0 * 1024.0;
    QString yTitle = tr("resident memory (MiB)");
    if (m_kind == ValueKind::TimeNs) {
        const TimeScale scale = timeScaleFor(empty ? 1 : maxY);
        divisor = scale.nsPerUnit;
        yTitle = tr("time per iteration (%1)").arg(scale.unit);
    }
    // Latency axes start at zero so that a change reads in proportion; a little headroom. x
    // shows whole sample numbers on the ticks.
    const double top = maxY / divisor * 1.08;
    const NiceScale y = empty ? NiceScale{0, 1, 5} : niceScale(0, top > 0 ? top : 1);
    if (m_minimumXExtent > 0) {
        minX = empty ? 0 : std::min(minX, 0.0);
        maxX = std::max(empty ? 0 : maxX, m_minimumXExtent);
        empty = false;
    }
    NiceScale x = empty ? NiceScale{0, 10, 6} : niceScale(minX, std::max(maxX, minX + 1));
    // x counts samples or slots, labelled as whole numbers: ticks closer than one apart would
    // print the same number twice ("0 1 1 2 2" over the first two slots).
    if (x.tickCount > 2 && (x.max - x.min) / (x.tickCount - 1) < 1)
        x.tickCount = std::max(2, int(x.max - x.min) + 1);
    // Each setter that changes something makes Qt Charts lay out every series again.
    if (x != m_xScale) {
        m_x->setRange(x.min, x.max);
        m_x->setTickCount(x.tickCount);
        m_xScale = x;
    }
    if (y != m_yScale) {
        m_y->setRange(y.min, y.max);
        m_y->setTickCount(y.tickCount);
        m_y->setLabelFormat(tickLabelFormat(y));
        m_yScale = y;
    }
    if (yTitle != m_yTitle) {
        m_y->setTitleText(yTitle);
        m_yTitle = yTitle;
    }
    return divisor;
}

void LiveChart::rescale()
{
    const double divisor = updateAxes();
    if (m_band)
        m_lines->setBand(PlotLines::Band{m_band->low / divisor, m_band->middle / divisor, m_band->high / divisor,
                                         bandFill(m_look), bandMiddlePen(m_look)});
    else
        m_lines->setBand(std::nullopt);
    // About two points per pixel column of the plot, whatever the length of the run.
    const int columns = std::max(50, int(m_chart->plotArea().width()));
    for (std::size_t k = 0; k < m_points.size(); ++k)
        m_lines->setPoints(m_overlays.size() + k, prepared(m_points[k], columns, divisor));
    if (m_overlaysDirty || columns != m_columns || divisor != m_divisor) {
        for (std::size_t i = 0; i < m_overlays.size(); ++i)
            m_lines->setPoints(i, prepared(m_overlays[i], columns, divisor));
        m_overlaysDirty = false;
    }
    m_columns = columns;
    m_divisor = divisor;
}

} // namespace crucible::charts
