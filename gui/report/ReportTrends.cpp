#include "ReportTrends.h"

#include "TrendChart.h"
#include "Typography.h"
#include "export/TextReports.h"

namespace crucible::report {

namespace {

// Compact: three small charts a row, their legend said once in the caption.
constexpr int kTrendsPerRow = 3;
constexpr double kTrendAspect = 0.78;

QString runName(const HistoryStore::TrendPoint& p)
{
    return p.runId > 0 ? QStringLiteral("run %1").arg(p.runId) : QStringLiteral("this run");
}

QString signedPercent(double value)
{
    return QStringLiteral("%1%2%").arg(value >= 0 ? QStringLiteral("+") : QString()).arg(value, 0, 'f', 1);
}

TableBlock trendsTable(const std::vector<WorkloadTrend>& trends)
{
    TableBlock table;
    table.columns = {{QStringLiteral("Workload"), Qt::AlignLeft, true},
                     {QStringLiteral("Runs"), Qt::AlignRight, false},
                     {QStringLiteral("First median"), Qt::AlignRight, false},
                     {QStringLiteral("Latest median"), Qt::AlignRight, false},
                     {QStringLiteral("Change points: first run of a new level, step"), Qt::AlignLeft, false}};
    for (const WorkloadTrend& t : trends) {
        QStringList changes;
        for (std::size_t c = 0; c < t.changePoints.size(); ++c)
            changes << QStringLiteral("%1 %2").arg(runName(t.points[t.changePoints[c]]), signedPercent(t.shiftPct(c)));
        const bool stepped = !changes.isEmpty();
        // A change whose latest level is slower is the one a reader must see.
        const bool slower = stepped && t.shiftPct(t.changePoints.size() - 1) > 0;
        table.rows.push_back({
            {t.workloadId},
            {QString::number(t.points.size())},
            {formatMeasure(t.points.front().median, t.unit)},
            {formatMeasure(t.points.back().median, t.unit)},
            {stepped ? changes.join(QStringLiteral("; ")) : QStringLiteral("none"),
             stepped ? (slower ? Typography::bad() : Typography::good()) : QColor(), stepped},
        });
    }
    return table;
}

} // namespace

void appendTrendSection(ReportDocument& doc, const RunResult& run, const ReportOptions& options)
{
    if (options.trends.empty())
        return;
    doc.blocks.emplace_back(PageBreak{});
    doc.blocks.emplace_back(TextBlock{TextRole::Heading, QStringLiteral("Trend over history")});
    const auto changed = std::count_if(options.trends.begin(), options.trends.end(),
                                       [](const WorkloadTrend& t) { return !t.changePoints.empty(); });
    doc.blocks.emplace_back(TextBlock{
        TextRole::Caption,
        QStringLiteral(
            "The median of each workload in every recorded run of suite \"%1\" on host %2, oldest first, this "
            "run last; %3 of %4 workloads with at least two runs show a change point. A change point is where "
            "the level of the medians steps: binary segmentation with Welch's t-test (Bonferroni-corrected "
            "p < 0.01, at least three runs on each side, a step of at least 2%). Times are per iteration; for a "
            "slower new level the step is red, for a faster one green.")
            .arg(run.info.suiteName, run.info.host)
            .arg(changed)
            .arg(options.trends.size())});
    doc.blocks.emplace_back(trendsTable(options.trends));
    if (!options.plots)
        return;
    doc.blocks.emplace_back(TextBlock{
        TextRole::Caption,
        QStringLiteral(
            "In the charts: the line is the median per run, the shaded band its 95% confidence interval; dashed "
            "vertical lines are change points labelled with their step, solid flat lines the level between them; "
            "stars are runs saved as baselines, labelled with their names.")});
    ChartGridBlock grid;
    grid.perRow = kTrendsPerRow;
    grid.aspect = kTrendAspect;
    for (const WorkloadTrend& t : options.trends)
        grid.charts.push_back([t](charts::ChartOptions o) { // a copy: the options may be a temporary
            // A third of the page: the id alone, a size smaller, so that it is not cut to "...".
            charts::TrendChartOptions trendOptions;
            trendOptions.title = t.workloadId;
            trendOptions.legend = false;
            o.look.titlePointSize = o.look.labelPointSize;
            return charts::trendChart(t, o, trendOptions);
        });
    doc.blocks.emplace_back(std::move(grid));
}

} // namespace crucible::report
