#include "DistributionChart.h"

#include "Axes.h"
#include "Labels.h"

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QLegend>
#include <QScatterSeries>

#include <algorithm>
#include <limits>

namespace crucible::charts {

namespace {

struct Tukey {
    double lowWhisker = 0, q1 = 0, median = 0, q3 = 0, highWhisker = 0;
    std::vector<double> outliers;
};

Tukey tukey(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    Tukey t;
    t.q1 = stats::quantileSorted(values, 0.25);
    t.median = stats::quantileSorted(values, 0.5);
    t.q3 = stats::quantileSorted(values, 0.75);
    const double fence = 1.5 * (t.q3 - t.q1);
    t.lowWhisker = t.q1;
    t.highWhisker = t.q3;
    for (double v : values) {
        if (v < t.q1 - fence || v > t.q3 + fence)
            t.outliers.push_back(v);
        else {
            t.lowWhisker = std::min(t.lowWhisker, v);
            t.highWhisker = std::max(t.highWhisker, v);
        }
    }
    return t;
}

} // namespace

std::unique_ptr<QChart> distributionChart(std::span<const Result* const> results, const ChartOptions& options,
                                          std::span<const BoxStyle> styles)
{
    auto chart = std::make_unique<QChart>();
    applyLook(*chart, options.look);
    chart->setTitle(QStringLiteral("Time per iteration: distribution of the samples"));
    chart->legend()->hide();

    std::vector<const Result*> shown;
    std::vector<BoxStyle> shownStyles;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const Result* r = results[i];
        if (r->status != Status::Ok || r->samples.empty())
            continue;
        shown.push_back(r);
        shownStyles.push_back(i < styles.size() ? styles[i] : BoxStyle{shortId(r->info), 0});
    }
    if (shown.empty())
        return chart;

    std::vector<Tukey> boxes;
    double lo = std::numeric_limits<double>::max();
    double hi = 0;
    QStringList labels;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const Result* r = shown[i];
        boxes.push_back(tukey(perIterationTimes(r->samples)));
        lo = std::min(lo, r->summary.min);
        hi = std::max(hi, r->summary.max);
        labels << shownStyles[i].label;
    }
    QBarCategoryAxis* x = addCategoryAxis(*chart, labels, options.look);
    TimeScale scale;
    addTimeAxis(*chart, lo, hi, QStringLiteral("time per iteration"), options.look, &scale);

    // A pale fill: the median line and whiskers must stay visible on paper.
    auto pale = [](const QColor& c) {
        return QColor::fromRgbF(0.35f * c.redF() + 0.65f, 0.35f * c.greenF() + 0.65f, 0.35f * c.blueF() + 0.65f);
    };
    auto* series = new QBoxPlotSeries;
    QList<QPointF> outliers;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const Tukey& b = boxes[i];
        auto* set = new QBoxSet(scale.fromNs(b.lowWhisker), scale.fromNs(b.q1), scale.fromNs(b.median),
                                scale.fromNs(b.q3), scale.fromNs(b.highWhisker), labels[qsizetype(i)]);
        const QColor color = options.look.seriesColor(shownStyles[i].colorIndex);
        set->setBrush(pale(color));
        set->setPen(QPen(color.darker(130), 1.0));
        series->append(set);
        for (double v : b.outliers)
            outliers.append(QPointF(double(i), scale.fromNs(v)));
    }
    series->setBoxWidth(0.45);
    chart->addSeries(series);
    for (QAbstractAxis* axis : chart->axes())
        series->attachAxis(axis);

    if (!outliers.isEmpty()) {
        auto* dots = new QScatterSeries;
        dots->setName(QStringLiteral("outliers"));
        dots->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        dots->setMarkerSize(4);
        dots->setColor(options.look.reference);
        dots->setBorderColor(options.look.reference);
        dots->replace(outliers);
        chart->addSeries(dots);
        for (QAbstractAxis* axis : chart->axes())
            dots->attachAxis(axis);
    }
    fitCategoryLabels(*chart, *x, options);
    return chart;
}

} // namespace crucible::charts
