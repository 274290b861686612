#include "TrendChart.h"

#include "Axes.h"
#include "Decimation.h"
#include "export/TextReports.h"

#include <QAreaSeries>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace crucible::charts {

namespace {

// Runs up to this many are drawn with a dot each; beyond, the line alone stays readable.
constexpr std::size_t kDotsUpTo = 80;
// A run every few pixels is all a line can show. Beyond that the band and the medians are drawn
// from buckets of neighbouring runs (the band's outer hull, the medians' lowest and highest):
// the same picture with a fraction of the vertices. Qt Charts strokes an outline of every
// series whenever it lays one out, so vertices cost: with buckets a trend of 2000 runs is
// built and first painted in about 30 ms instead of 60 on the GUI thread.
constexpr int kPixelsPerBucket = 6;

// How the medians' unit maps onto the y axis.
struct ValueScale {
    double divisor = 1;
    QAbstractAxis* axis = nullptr;
    double shownMin = 0; // the axis range, in axis units
    double shownMax = 1;
    bool logarithmic = false;
};

void readRange(ValueScale& s)
{
    if (auto* v = qobject_cast<QValueAxis*>(s.axis)) {
        s.shownMin = v->min();
        s.shownMax = v->max();
    } else if (auto* l = qobject_cast<QLogValueAxis*>(s.axis)) {
        s.shownMin = l->min();
        s.shownMax = l->max();
        s.logarithmic = true;
    }
}

ValueScale addValueScale(QChart& chart, const QString& unit, double lo, double hi, const ChartLook& look)
{
    ValueScale s;
    if (unit == QLatin1String("ns")) {
        TimeScale time;
        s.axis = addTimeAxis(chart, lo, hi, QStringLiteral("median"), look, &time);
        s.divisor = time.nsPerUnit;
    } else {
        const bool bytes = unit == QLatin1String("bytes");
        s.divisor = bytes ? 1024.0 * 1024.0 : 1.0;
        QValueAxis* axis =
            addValueAxis(chart, Qt::AlignLeft, QStringLiteral("median (%1)").arg(bytes ? QStringLiteral("MiB") : unit),
                         QStringLiteral("%.4g"), look);
        const double a = lo / s.divisor;
        const double b = hi / s.divisor;
        const double pad = b > a ? (b - a) * 0.08 : std::max(std::abs(b) * 0.05, 1e-9);
        axis->setRange(std::max(0.0, a - pad), b + pad);
        axis->applyNiceNumbers();
        s.axis = axis;
    }
    readRange(s);
    return s;
}

// A y value `fraction` of the way up the shown axis (in log space on a log axis).
double upTheAxis(const ValueScale& s, double fraction)
{
    if (s.logarithmic && s.shownMin > 0)
        return std::exp(std::log(s.shownMin) + fraction * (std::log(s.shownMax) - std::log(s.shownMin)));
    return s.shownMin + fraction * (s.shownMax - s.shownMin);
}

template <typename Series>
Series* attach(QChart& chart, Series* series, QAbstractAxis* x, QAbstractAxis* y)
{
    chart.addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
    return series;
}

void hideFromLegend(QChart& chart, QAbstractSeries* series)
{
    for (QLegendMarker* m : chart.legend()->markers(series))
        m->setVisible(false);
}

// The series that rings the chosen run, found again by setTrendHighlight().
constexpr char kHighlight[] = "trendHighlight";
constexpr char kHighlightDivisor[] = "trendDivisor"; // its y values are medians divided by this

// A single invisible point whose label is `text`: how Qt Charts 6.4 puts words at a place in
// data coordinates (its per-point label formats came in 6.5).
QScatterSeries* labelAt(QChart& chart, QPointF at, const QString& text, const QColor& color, const ChartLook& look,
                        QAbstractAxis* x, QAbstractAxis* y)
{
    auto* label = new QScatterSeries;
    label->setMarkerSize(1);
    label->setColor(Qt::transparent);
    label->setBorderColor(Qt::transparent);
    label->append(at);
    QString format = text;
    label->setPointLabelsFormat(format.replace(QLatin1Char('@'), QChar(0xFF20))); // "@xPoint" is Qt's placeholder
    label->setPointLabelsVisible(true);
    label->setPointLabelsClipping(false);
    label->setPointLabelsColor(color);
    label->setPointLabelsFont(look.labelFont());
    attach(chart, label, x, y);
    hideFromLegend(chart, label);
    return label;
}

QString pointText(const WorkloadTrend& trend, std::size_t i)
{
    const HistoryStore::TrendPoint& p = trend.points[i];
    QString text = p.runId > 0 ? QStringLiteral("run %1").arg(p.runId) : QStringLiteral("this run");
    if (p.started.isValid())
        text += QStringLiteral(" · %1").arg(QLocale().toString(p.started.toLocalTime(), QLocale::ShortFormat));
    text += QStringLiteral("\nmedian %1").arg(formatMeasure(p.median, trend.unit));
    if (p.ci95.high > p.ci95.low)
        text += QStringLiteral(" [%1 … %2]")
                    .arg(formatMeasure(p.ci95.low, trend.unit), formatMeasure(p.ci95.high, trend.unit));
    text += QStringLiteral(", %1 samples").arg(p.sampleCount);
    if (!p.baselines.isEmpty())
        text += QStringLiteral("\nbaseline %1").arg(p.baselines.join(QStringLiteral(", ")));
    return text;
}

} // namespace

int runTickStep(int count, int maxTicks)
{
    maxTicks = std::max(maxTicks, 2);
    for (int decade = 1;; decade *= 10)
        for (int m : {1, 2, 5})
            if (count / (m * decade) + 1 <= maxTicks || m * decade >= 1'000'000'000)
                return m * decade;
}

namespace {

// What every layer of a trend chart draws into and against.
struct TrendPlot {
    QChart& chart;
    const WorkloadTrend& trend;
    const ChartOptions& options;
    QValueAxis* x = nullptr;
    ValueScale y{};
    std::size_t buckets = 0; // how many x positions the band and the line are drawn at, at most

    std::size_t runs() const { return trend.points.size(); }
    QPointF at(std::size_t i, double value) const { return QPointF(double(i + 1), value / y.divisor); }
    template <typename Series>
    Series* attach(Series* series) const
    {
        return charts::attach(chart, series, x, y.axis);
    }
};

bool hasInterval(const HistoryStore::TrendPoint& p)
{
    return p.ci95.high > p.ci95.low && p.ci95.low > 0;
}

QString trendTitle(const WorkloadTrend& trend, const TrendChartOptions& trendOptions)
{
    const std::size_t n = trend.points.size();
    if (!trendOptions.title.isEmpty())
        return trendOptions.title;
    if (n == 0)
        return QStringLiteral("%1 · no finished run in the history").arg(trend.workloadId);
    return QStringLiteral("%1 · %2 run%3").arg(trend.workloadId).arg(n).arg(n == 1 ? QString() : QStringLiteral("s"));
}

// The axes: runs oldest to newest along x; a y range that holds every median and every interval
// that makes sense on it.
void addAxes(TrendPlot& plot)
{
    double lo = std::numeric_limits<double>::max();
    double hi = std::numeric_limits<double>::lowest();
    for (const HistoryStore::TrendPoint& p : plot.trend.points) {
        lo = std::min(lo, hasInterval(p) ? std::min(p.ci95.low, p.median) : p.median);
        hi = std::max(hi, hasInterval(p) ? std::max(p.ci95.high, p.median) : p.median);
    }
    const std::size_t n = plot.runs();
    const ChartOptions& options = plot.options;
    plot.x = addValueAxis(plot.chart, Qt::AlignBottom, QStringLiteral("run, oldest → newest"), QStringLiteral("%d"),
                          options.look);
    plot.x->setRange(0.5, double(n) + 0.5);
    plot.x->setTickType(QValueAxis::TicksDynamic);
    plot.x->setTickAnchor(1);
    plot.x->setTickInterval(runTickStep(int(n), std::max(3, options.widthPx / 32)));
    plot.x->setMinorTickCount(0);
    plot.y = addValueScale(plot.chart, plot.trend.unit, lo, hi, options.look);
    plot.buckets = std::max<std::size_t>(50, std::size_t(std::max(options.widthPx, 0) / kPixelsPerBucket));
}

// The 95% intervals as one band: runs are discrete, but a band reads at any count where
// hundreds of whiskers would not.
void addIntervalBand(const TrendPlot& plot)
{
    const std::size_t n = plot.runs();
    QList<QPointF> upperPoints;
    QList<QPointF> lowerPoints;
    for (std::size_t b = 0, count = std::min(n, plot.buckets); b < count; ++b) {
        const std::size_t first = b * n / count;
        const std::size_t end = (b + 1) * n / count;
        double high = std::numeric_limits<double>::lowest();
        double low = std::numeric_limits<double>::max();
        for (std::size_t i = first; i < end; ++i) {
            const HistoryStore::TrendPoint& p = plot.trend.points[i];
            high = std::max(high, hasInterval(p) ? p.ci95.high : p.median);
            low = std::min(low, hasInterval(p) ? p.ci95.low : p.median);
        }
        const double centre = double(first + end + 1) / 2; // x of the runs first+1 … end
        upperPoints.append(QPointF(centre, high / plot.y.divisor));
        lowerPoints.append(QPointF(centre, low / plot.y.divisor));
    }
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    upper->replace(upperPoints);
    lower->replace(lowerPoints);
    auto* band = new QAreaSeries(upper, lower);
    upper->setParent(band);
    lower->setParent(band);
    band->setName(QStringLiteral("95% CI of the median"));
    QColor fill = plot.options.look.seriesColor(0);
    fill.setAlphaF(0.2);
    band->setBrush(fill);
    band->setPen(Qt::NoPen);
    plot.attach(band);
}

// The level of each segment between change points, then the change points themselves.
void addChangePoints(const TrendPlot& plot)
{
    const WorkloadTrend& trend = plot.trend;
    if (trend.changePoints.empty())
        return;
    const QColor changeColor = plot.options.look.seriesColor(1);
    const std::vector<double> levels = trend.segmentLevels();
    std::size_t begin = 0;
    for (std::size_t s = 0; s < levels.size(); ++s) {
        const std::size_t end = s < trend.changePoints.size() ? trend.changePoints[s] : plot.runs();
        auto* level = new QLineSeries;
        level->setName(QStringLiteral("level between change points"));
        level->setPen(QPen(changeColor, 1.6));
        level->append(QPointF(double(begin) + 0.6, levels[s] / plot.y.divisor));
        level->append(QPointF(double(end) + 0.4, levels[s] / plot.y.divisor));
        plot.attach(level);
        if (s > 0)
            hideFromLegend(plot.chart, level);
        begin = end;
    }
    for (std::size_t c = 0; c < trend.changePoints.size(); ++c) {
        const double cx = double(trend.changePoints[c]) + 0.5;
        auto* line = new QLineSeries;
        line->setName(QStringLiteral("change point"));
        line->setPen(QPen(changeColor, 1.2, Qt::DashLine));
        line->append(QPointF(cx, plot.y.shownMin));
        line->append(QPointF(cx, plot.y.shownMax));
        plot.attach(line);
        if (c > 0)
            hideFromLegend(plot.chart, line);
        const double shift = trend.shiftPct(c);
        labelAt(plot.chart, QPointF(cx, upTheAxis(plot.y, 0.9)),
                QStringLiteral("%1%2%").arg(shift >= 0 ? QStringLiteral("+") : QString()).arg(shift, 0, 'f', 1),
                changeColor, plot.options.look, plot.x, plot.y.axis);
    }
}

// The medians as a line; in the window, the numbers of the run under the pointer, and a click
// chooses it.
void addMedians(const TrendPlot& plot, const std::function<void(qint64)>& runClicked)
{
    const std::size_t n = plot.runs();
    auto* medians = new QLineSeries;
    medians->setName(QStringLiteral("median per run"));
    medians->setPen(QPen(plot.options.look.seriesColor(0), 1.4));
    medians->setPointsVisible(n <= kDotsUpTo);
    std::vector<QPointF> medianPoints;
    medianPoints.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        medianPoints.push_back(plot.at(i, plot.trend.points[i].median));
    medians->replace(decimateMinMax(medianPoints, int(plot.buckets)));
    plot.attach(medians);
    if (!runClicked)
        return;
    auto indexOf = [n](const QPointF& p) { return std::size_t(std::clamp(std::lround(p.x()) - 1, 0L, long(n) - 1)); };
    QObject::connect(medians, &QXYSeries::hovered, medians,
                     [trend = plot.trend, indexOf](const QPointF& p, bool state) {
                         if (state)
                             QToolTip::showText(QCursor::pos(), pointText(trend, indexOf(p)));
                         else
                             QToolTip::hideText();
                     });
    QObject::connect(
        medians, &QXYSeries::clicked, medians,
        [trend = plot.trend, indexOf, runClicked](const QPointF& p) { runClicked(trend.points[indexOf(p)].runId); });
}

// Baselines: a star on the run, labelled with the names that point at it.
void addBaselines(const TrendPlot& plot)
{
    const ChartLook& look = plot.options.look;
    bool firstBaseline = true;
    for (std::size_t i = 0; i < plot.runs(); ++i) {
        const HistoryStore::TrendPoint& p = plot.trend.points[i];
        if (p.baselines.isEmpty())
            continue;
        auto* star = new QScatterSeries;
        star->setName(QStringLiteral("baseline"));
        star->setMarkerShape(QScatterSeries::MarkerShapeStar);
        star->setMarkerSize(13);
        star->setColor(look.seriesColor(2));
        star->setBorderColor(look.seriesColor(2));
        star->append(plot.at(i, p.median));
        plot.attach(star);
        if (!firstBaseline)
            hideFromLegend(plot.chart, star);
        firstBaseline = false;
        labelAt(plot.chart, plot.at(i, p.median), p.baselines.join(QStringLiteral(", ")), look.seriesColor(2), look,
                plot.x, plot.y.axis);
    }
}

// The chosen run's ring, empty until a run is chosen; setTrendHighlight() moves it.
void addHighlightRing(const TrendPlot& plot)
{
    const ChartLook& look = plot.options.look;
    auto* ring = new QScatterSeries;
    ring->setObjectName(QLatin1String(kHighlight));
    ring->setProperty(kHighlightDivisor, plot.y.divisor);
    ring->setName(QStringLiteral("chosen run"));
    ring->setMarkerSize(14);
    ring->setColor(Qt::transparent);
    ring->setBorderColor(look.text);
    ring->setPen(QPen(look.text, 1.5));
    plot.attach(ring);
}

} // namespace

std::unique_ptr<QChart> trendChart(const WorkloadTrend& trend, const ChartOptions& options,
                                   const TrendChartOptions& trendOptions)
{
    auto chart = std::make_unique<QChart>();
    applyLook(*chart, options.look);
    chart->setTitle(trendTitle(trend, trendOptions));
    chart->legend()->setVisible(trendOptions.legend);
    chart->legend()->setAlignment(Qt::AlignBottom);
    if (trend.points.empty())
        return chart;

    TrendPlot plot{*chart, trend, options};
    addAxes(plot);
    addIntervalBand(plot);
    addChangePoints(plot);
    addMedians(plot, trendOptions.runClicked);
    addBaselines(plot);
    addHighlightRing(plot);
    setTrendHighlight(*chart, trend, trendOptions.highlightRunId);
    return chart;
}

bool setTrendHighlight(QChart& chart, const WorkloadTrend& trend, qint64 runId)
{
    const QList<QAbstractSeries*> all = chart.series();
    const auto found = std::find_if(
        all.begin(), all.end(), [](const QAbstractSeries* s) { return s->objectName() == QLatin1String(kHighlight); });
    if (found == all.end())
        return false;
    auto* ring = static_cast<QScatterSeries*>(*found);
    const auto it = std::find_if(trend.points.begin(), trend.points.end(),
                                 [&](const HistoryStore::TrendPoint& p) { return runId > 0 && p.runId == runId; });
    if (it == trend.points.end()) {
        ring->clear();
    } else {
        const double divisor = ring->property(kHighlightDivisor).toDouble();
        ring->replace({QPointF(double(it - trend.points.begin()) + 1, it->median / (divisor > 0 ? divisor : 1))});
    }
    for (QLegendMarker* m : chart.legend()->markers(ring))
        m->setVisible(ring->count() > 0);
    return true;
}

} // namespace crucible::charts
