#include "MachineSpeedChart.h"

#include "Axes.h"
#include "Decimation.h"
#include "Statistics.h"
#include "export/TextReports.h"

#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace crucible::charts {

std::unique_ptr<QChart> machineSpeedChart(const RunInfo& info, const ChartOptions& options)
{
    auto chart = std::make_unique<QChart>();
    applyLook(*chart, options.look);
    chart->legend()->hide();
    std::vector<double> ns;
    for (const ReferencePoint& p : info.reference)
        ns.push_back(p.ns);
    if (ns.empty()) {
        chart->setTitle(QStringLiteral("Machine speed: no reference measured"));
        return chart;
    }
    const double median = stats::median(ns);
    chart->setTitle(QStringLiteral("Machine speed · reference kernel, median %1 over %2 rounds")
                        .arg(formatDuration(median))
                        .arg(info.rounds));
    std::vector<QPointF> points;
    double low = 100;
    double high = 100;
    for (const ReferencePoint& p : info.reference) {
        const double pct = p.ns / median * 100;
        low = std::min(low, pct);
        high = std::max(high, pct);
        points.emplace_back(p.seconds, pct);
    }
    QValueAxis* x = addValueAxis(*chart, Qt::AlignBottom, QStringLiteral("seconds into the run"),
                                 QStringLiteral("%.0f"), options.look);
    x->setRange(0, std::max(points.back().x(), 1.0));
    x->applyNiceNumbers();
    QValueAxis* y =
        addValueAxis(*chart, Qt::AlignLeft, QStringLiteral("time, % of median"), QStringLiteral("%.0f"), options.look);
    const double margin = std::max(2.0, (high - low) * 0.08);
    y->setRange(low - margin, high + margin);
    y->applyNiceNumbers();

    auto* line = new QLineSeries;
    line->setPen(QPen(options.look.seriesColor(0), 1.0));
    line->setPointsVisible(points.size() <= 150);
    line->replace(decimateMinMax(points, options.widthPx));
    chart->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);

    auto* medianLine = new QLineSeries;
    medianLine->setPen(QPen(options.look.reference, 1.0, Qt::DashLine));
    medianLine->replace({QPointF(x->min(), 100), QPointF(x->max(), 100)});
    chart->addSeries(medianLine);
    medianLine->attachAxis(x);
    medianLine->attachAxis(y);
    return chart;
}

} // namespace crucible::charts
