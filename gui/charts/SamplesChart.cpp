#include "SamplesChart.h"

#include "Axes.h"
#include "Decimation.h"
#include "Labels.h"
#include "VerdictPalette.h"
#include "export/TextReports.h"

#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

namespace crucible::charts {

using gui::verdictColor;

std::unique_ptr<QChart> samplesOverTimeChart(const Result& result, const ChartOptions& options)
{
    auto chart = std::make_unique<QChart>();
    applyLook(*chart, options.look);
    chart->legend()->hide();
    const bool hasData = result.status == Status::Ok && !result.samples.empty();
    if (!hasData) {
        chart->setTitle(QStringLiteral("%1 · %2").arg(shortId(result.info), statusName(result.status)));
        return chart;
    }

    const std::size_t n = result.samples.size();
    QValueAxis* x = addValueAxis(*chart, Qt::AlignBottom, QStringLiteral("sample"), QStringLiteral("%d"), options.look);
    x->setRange(0, double(std::max<std::size_t>(n - 1, 1)));
    x->applyNiceNumbers();
    TimeScale scale;
    QAbstractAxis* y = addTimeAxis(*chart, result.summary.min, result.summary.max, QStringLiteral("time / iter."),
                                   options.look, &scale);
    // The median in the axis's unit, so that it can be read off the axis ("0.513 µs" over µs
    // ticks, not "513.0 ns").
    chart->setTitle(
        QStringLiteral("%1 · median %2 %3")
            .arg(shortId(result.info), QString::number(scale.fromNs(result.summary.median), 'g', 4), scale.unit));

    std::vector<QPointF> points;
    points.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        points.emplace_back(double(i), scale.fromNs(result.samples[i].perIterationNs()));
    auto* line = new QLineSeries;
    line->setPen(QPen(options.look.seriesColor(0), 1.2));
    // Few samples read better as dots on the line: each one is a measurement.
    line->setPointsVisible(n <= 120);
    line->replace(decimateMinMax(points, options.widthPx));
    chart->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);

    const double median = scale.fromNs(result.summary.median);
    auto* medianLine = new QLineSeries;
    medianLine->setPen(QPen(options.look.reference, 1.0, Qt::DashLine));
    medianLine->replace({QPointF(x->min(), median), QPointF(x->max(), median)});
    chart->addSeries(medianLine);
    medianLine->attachAxis(x);
    medianLine->attachAxis(y);

    if (result.stability.unstable) {
        // Where the level shifts: the samples from here on sit elsewhere (Stability.h).
        chart->setTitle(chart->title()
                        + QStringLiteral(" · unstable: shift at sample %1").arg(result.stability.shiftIndex));
        auto* shift = new QLineSeries;
        shift->setPen(QPen(verdictColor(ChangeVerdict::Unstable), 1.5, Qt::DashDotLine));
        const double at = result.stability.shiftIndex - 0.5;
        shift->replace({QPointF(at, y == nullptr ? 0 : scale.fromNs(result.summary.min)),
                        QPointF(at, scale.fromNs(result.summary.max))});
        chart->addSeries(shift);
        shift->attachAxis(x);
        shift->attachAxis(y);
    }
    return chart;
}

} // namespace crucible::charts
