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

std::unique_ptr<QChart> distributionChart(std::span<const Result* const> results, const ChartOptions& options)
{
    auto chart = std::make_unique<QChart>();
    applyLook(*chart, options.look);
    chart->setTitle(QStringLiteral("Time per iteration: distribution of the samples"));
    chart->legend()->hide();

    std::vector<const Result*> shown;
    for (const Result* r : results)
        if (r->status == Status::Ok && !r->samples.empty())
            shown.push_back(r);
    if (shown.empty())
        return chart;

    std::vector<Tukey> boxes;
    double lo = std::numeric_limits<double>::max();
    double hi = 0;
    QStringList labels;
    for (const Result* r : shown) {
        boxes.push_back(tukey(perIterationTimes(r->samples)));
        lo = std::min(lo, r->summary.min);
        hi = std::max(hi, r->summary.max);
        labels << shortId(r->info);
    }
    QBarCategoryAxis* x = addCategoryAxis(*chart, labels, options.look);
    TimeScale scale;
    addTimeAxis(*chart, lo, hi, QStringLiteral("time per iteration"), options.look, &scale);

    auto* series = new QBoxPlotSeries;
    QList<QPointF> outliers;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const Tukey& b = boxes[i];
        series->append(new QBoxSet(scale.fromNs(b.lowWhisker), scale.fromNs(b.q1), scale.fromNs(b.median),
                                   scale.fromNs(b.q3), scale.fromNs(b.highWhisker), labels[qsizetype(i)]));
        for (double v : b.outliers)
            outliers.append(QPointF(double(i), scale.fromNs(v)));
    }
    const QColor color = options.look.seriesColor(0);
    // A pale fill: the median line and whiskers must stay visible on paper.
    series->setBrush(QColor::fromRgbF(0.35f * color.redF() + 0.65f, 0.35f * color.greenF() + 0.65f,
                                      0.35f * color.blueF() + 0.65f));
    series->setPen(QPen(color.darker(130), 1.0));
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
