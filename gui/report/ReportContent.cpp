#include "ReportContent.h"

#include "DistributionChart.h"
#include "MachineSpeedChart.h"
#include "MemoryChart.h"
#include "PairRatios.h"
#include "RatioChart.h"
#include "ReportEnvironment.h"
#include "ReportTables.h"
#include "ReportTrends.h"
#include "SamplesChart.h"
#include "export/TextReports.h"

#include <QLocale>

#include <algorithm>

namespace crucible::report {

namespace {

// Box plots and legends stay legible up to about this many workloads per chart.
constexpr std::size_t kBoxesPerChart = 8;
constexpr std::size_t kLinesPerMemoryChart = 8;

void text(ReportDocument& doc, TextRole role, const QString& s)
{
    doc.blocks.emplace_back(TextBlock{role, s});
}

QString dateTime(const QDateTime& t)
{
    return t.isValid() ? QLocale::c().toString(t.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss t"))
                       : QStringLiteral("–");
}

QString settingsText(const RunInfo& i)
{
    QStringList parts;
    parts << QStringLiteral("%1 samples per workload").arg(i.sampleCount);
    if (i.fixedIterations > 0)
        parts << QStringLiteral("%1 iterations per sample (fixed)").arg(i.fixedIterations);
    else
        parts << QStringLiteral("iterations calibrated");
    parts << QStringLiteral("warm-up %1 s").arg(i.warmUpSeconds)
          << QStringLiteral("measurement %1 s").arg(i.measurementSeconds);
    if (i.rounds > 1)
        parts << QStringLiteral("in %1 rounds").arg(i.rounds);
    if (i.quickCheck)
        parts << QStringLiteral("quick check");
    return parts.join(QStringLiteral(", "));
}

void appendTitleSection(ReportDocument& doc, const RunResult& run)
{
    const RunInfo& i = run.info;
    text(doc, TextRole::Title, QStringLiteral("Crucible Bench report"));
    text(doc, TextRole::Subtitle, i.suiteName.isEmpty() ? QStringLiteral("(unnamed suite)") : i.suiteName);
    const auto failed =
        std::count_if(run.results.begin(), run.results.end(), [](const Result& r) { return r.status != Status::Ok; });
    QString duration;
    if (i.started.isValid() && i.finished.isValid())
        duration = QStringLiteral(" (%1)").arg(formatDuration(double(i.started.msecsTo(i.finished)) * 1e6));
    KeyValueBlock kv;
    kv.rows = {
        {QStringLiteral("Suite"), i.suiteName},
        {QStringLiteral("Started"), dateTime(i.started)},
        {QStringLiteral("Finished"), dateTime(i.finished) + duration},
        {QStringLiteral("Workloads"), QStringLiteral("%1 run, %2 failed").arg(run.results.size()).arg(failed)},
        {QStringLiteral("Host"), i.host},
        {QStringLiteral("CPU"), i.cpuCount > 0 ? QStringLiteral("%1 (%2 threads)").arg(i.cpu).arg(i.cpuCount) : i.cpu},
        {QStringLiteral("OS"), i.kernel.isEmpty() ? i.os : QStringLiteral("%1, %2").arg(i.os, i.kernel)},
        {QStringLiteral("Build"),
         QStringLiteral("crucible-bench %1%2")
             .arg(i.toolVersion,
                  i.gitCommit.isEmpty() ? QString() : QStringLiteral(", git commit %1").arg(i.gitCommit))},
        {QStringLiteral("Settings"), settingsText(i)},
    };
    doc.blocks.emplace_back(std::move(kv));
    if (run.cancelled)
        text(doc, TextRole::Warning,
             QStringLiteral("The run was stopped before the end: only the workloads that finished are reported."));
}

void appendSummarySection(ReportDocument& doc, const RunResult& run)
{
    text(doc, TextRole::Heading, QStringLiteral("Summary"));
    text(doc, TextRole::Caption,
         QStringLiteral("Times are per iteration. 95% CI: bootstrap confidence interval of the median. "
                        "CV: standard deviation over mean. Peak RSS: the process's resident memory."));
    doc.blocks.emplace_back(summaryTable(run));
    const TableBlock verdicts = verdictsTable(run);
    if (!verdicts.rows.empty()) {
        text(doc, TextRole::Heading, QStringLiteral("Verdicts"));
        text(doc, TextRole::Caption,
             QStringLiteral(
                 "Each run's level is its fastest time per iteration, the baseline's taken over the steady runs "
                 "around it; a change is tested against the workload's run-to-run variance, learnt from its "
                 "history. Unstable: a level shift inside the samples that the machine's own speed does not "
                 "explain."));
        doc.blocks.emplace_back(verdicts);
    }
    if (!run.info.reference.empty()) {
        text(doc, TextRole::Heading, QStringLiteral("Machine speed"));
        text(doc, TextRole::Caption,
             QStringLiteral(
                 "A fixed reference kernel, timed before every slot of every round. Above 100%: the machine was "
                 "slower then, and so was whatever it measured at that moment."));
        doc.blocks.emplace_back(ChartGridBlock{
            {[info = run.info](const charts::ChartOptions& o) { return charts::machineSpeedChart(info, o); }}, 1, 0.3});
    }
    if (run.anyFailed()) {
        text(doc, TextRole::Heading, QStringLiteral("Failures"));
        doc.blocks.emplace_back(failuresTable(run));
    }
}

// The suite's budgets and claims as this run met them, right after the summary: what a
// reviewer checks first. Nothing when the suite has neither.
void appendGatesSection(ReportDocument& doc, const RunResult& run)
{
    if (!run.budgets.empty()) {
        const auto failed = std::count_if(run.budgets.begin(), run.budgets.end(),
                                          [](const BudgetOutcome& b) { return b.status == BudgetStatus::Failed; });
        const auto skipped = std::count_if(run.budgets.begin(), run.budgets.end(),
                                           [](const BudgetOutcome& b) { return b.status == BudgetStatus::Skipped; });
        text(doc, TextRole::Heading, QStringLiteral("Budgets"));
        text(doc, TextRole::Caption,
             QStringLiteral(
                 "%1 passed, %2 failed, %3 skipped. Times are per iteration; MiB are 2^20 bytes. A budget of a "
                 "workload that failed fails; one of a workload not in this run is skipped.")
                 .arg(qsizetype(run.budgets.size()) - failed - skipped)
                 .arg(failed)
                 .arg(skipped));
        doc.blocks.emplace_back(budgetsTable(run));
    }
    if (!run.claims.empty()) {
        text(doc, TextRole::Heading, QStringLiteral("Claims"));
        text(doc, TextRole::Caption,
             QStringLiteral(
                 "Improvement = 1 − candidate / baseline on the medians, with a bootstrap 95% interval. Confirmed when "
                 "the whole interval is at or above expected − tolerance, refuted when it is below, else "
                 "inconclusive."));
        doc.blocks.emplace_back(claimsTable(run));
    }
}

// How many workloads go into each of the charts that share `count` workloads, at most `limit`
// each: as even as possible (10 as 5 + 5, not 8 + 2), and an even number when the workloads
// come in pairs, so that the two sides of a pair stay in one chart.
std::size_t chunkSize(const std::vector<const Result*>& results, std::size_t limit)
{
    const std::size_t count = std::max<std::size_t>(results.size(), 1);
    const std::size_t charts = (count + limit - 1) / limit;
    std::size_t size = (count + charts - 1) / charts;
    const bool paired =
        std::any_of(results.begin(), results.end(), [](const Result* r) { return !r->info.pairedWith.isEmpty(); });
    if (paired && size % 2 == 1 && size + 1 <= limit)
        ++size;
    return size;
}

template <typename Make>
void appendChunkedCharts(ReportDocument& doc, const std::vector<const Result*>& results, std::size_t limit,
                         double aspect, Make make)
{
    ChartGridBlock grid;
    grid.aspect = aspect;
    const std::size_t perChart = chunkSize(results, limit);
    for (std::size_t first = 0; first < results.size(); first += perChart) {
        std::vector<const Result*> chunk(results.begin() + std::ptrdiff_t(first),
                                         results.begin() + std::ptrdiff_t(std::min(results.size(), first + perChart)));
        grid.charts.push_back([chunk, make](const charts::ChartOptions& o) { return make(chunk, o); });
    }
    doc.blocks.emplace_back(std::move(grid));
}

void appendCategorySection(ReportDocument& doc, Category category, const std::vector<const Result*>& results,
                           const std::vector<PairRatio>& allPairs, const ReportOptions& options)
{
    doc.blocks.emplace_back(PageBreak{});
    text(doc, TextRole::Heading, QStringLiteral("Category: %1").arg(categoryName(category)));
    text(doc, TextRole::Caption,
         QStringLiteral("%1 workloads; ids below omit the \"%2.\" prefix.")
             .arg(results.size())
             .arg(categoryName(category)));
    doc.blocks.emplace_back(descriptionsTable(results));
    text(doc, TextRole::Subheading, QStringLiteral("Statistics"));
    doc.blocks.emplace_back(statisticsTable(results));

    // Charts have time axes: workloads measured in another unit (a size in bytes) stay in the
    // tables only.
    std::vector<const Result*> timed;
    std::copy_if(results.begin(), results.end(), std::back_inserter(timed),
                 [](const Result* r) { return r->info.unit == QLatin1String("ns"); });
    const bool anySamples =
        std::any_of(timed.begin(), timed.end(), [](const Result* r) { return !r->samples.empty(); });
    if (options.plots && anySamples) {
        text(doc, TextRole::Subheading, QStringLiteral("Latency distribution"));
        appendChunkedCharts(doc, timed, kBoxesPerChart, 0.5,
                            [](const std::vector<const Result*>& chunk, const charts::ChartOptions& o) {
                                return charts::distributionChart(chunk, o);
                            });
    }

    std::vector<PairRatio> pairs;
    std::copy_if(allPairs.begin(), allPairs.end(), std::back_inserter(pairs), [&](const PairRatio& p) {
        return std::any_of(results.begin(), results.end(), [&](const Result* r) { return r->info.id == p.oldId; });
    });
    if (!pairs.empty()) {
        text(doc, TextRole::Subheading, QStringLiteral("Pairs: the old way against the new way"));
        text(doc, TextRole::Caption,
             QStringLiteral("Ratio of medians new / old with a 95% bootstrap interval; below 1 the new way is faster. "
                            "Both sides were measured interleaved, so machine drift hits them alike."));
        doc.blocks.emplace_back(pairsTable(pairs));
        if (options.plots)
            doc.blocks.emplace_back(ChartGridBlock{
                {[pairs](const charts::ChartOptions& o) { return charts::ratioChart(pairs, o); }}, 1, 0.42});
    }

    if (options.plots && anySamples) {
        text(doc, TextRole::Subheading, QStringLiteral("Samples over time"));
        ChartGridBlock grid;
        grid.perRow = 2;
        grid.aspect = 0.62;
        for (const Result* r : timed) // a failed workload has no samples to show: its row in the tables says why
            if (r->status == Status::Ok && !r->samples.empty())
                grid.charts.push_back(
                    [r](const charts::ChartOptions& o) { return charts::samplesOverTimeChart(*r, o); });
        doc.blocks.emplace_back(std::move(grid));

        text(doc, TextRole::Subheading, QStringLiteral("Memory"));
        appendChunkedCharts(doc, timed, kLinesPerMemoryChart, 0.45,
                            [](const std::vector<const Result*>& chunk, const charts::ChartOptions& o) {
                                return charts::memoryChart(chunk, o);
                            });
    }
}

void appendCategorySections(ReportDocument& doc, const RunResult& run, const ReportOptions& options)
{
    const std::vector<PairRatio> pairs = pairRatios(run);
    // Categories in the order the run met them, workloads in run order within each.
    std::vector<Category> order;
    for (const Result& r : run.results)
        if (std::find(order.begin(), order.end(), r.info.category) == order.end())
            order.push_back(r.info.category);
    for (Category c : order) {
        std::vector<const Result*> members;
        for (const Result& r : run.results)
            if (r.info.category == c)
                members.push_back(&r);
        appendCategorySection(doc, c, members, pairs, options);
    }
}

} // namespace

ReportDocument buildReport(const RunResult& run, const ReportOptions& options)
{
    ReportDocument doc;
    doc.runningHeader = QStringLiteral("Crucible Bench · %1 · %2").arg(run.info.suiteName, dateTime(run.info.started));
    doc.runningFooter = QStringLiteral("%1 · crucible-bench %2").arg(run.info.host, run.info.toolVersion);
    appendTitleSection(doc, run);
    appendEnvironmentSection(doc, run.info.environment);
    appendSummarySection(doc, run);
    appendGatesSection(doc, run);
    appendCategorySections(doc, run, options);
    appendTrendSection(doc, run, options);
    return doc;
}

} // namespace crucible::report
