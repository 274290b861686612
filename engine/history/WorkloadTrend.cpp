#include "WorkloadTrend.h"

#include "ChangePoints.h"
#include "Statistics.h"

namespace crucible {

std::vector<double> WorkloadTrend::segmentLevels() const
{
    std::vector<double> levels;
    std::size_t begin = 0;
    auto addLevel = [&](std::size_t end) {
        std::vector<double> medians;
        for (std::size_t i = begin; i < end; ++i)
            medians.push_back(points[i].median);
        if (!medians.empty())
            levels.push_back(stats::median(medians));
        begin = end;
    };
    for (std::size_t cp : changePoints)
        addLevel(cp);
    addLevel(points.size());
    return levels;
}

double WorkloadTrend::shiftPct(std::size_t changeIndex) const
{
    const std::vector<double> levels = segmentLevels();
    if (changeIndex + 1 >= levels.size() || levels[changeIndex] == 0)
        return 0;
    return (levels[changeIndex + 1] / levels[changeIndex] - 1) * 100;
}

WorkloadTrend makeWorkloadTrend(const QString& workloadId, std::vector<HistoryStore::TrendPoint> points)
{
    WorkloadTrend trend;
    trend.workloadId = workloadId;
    trend.points = std::move(points);
    trend.unit = trend.points.empty() ? QStringLiteral("ns") : trend.points.back().unit;
    std::vector<double> medians;
    medians.reserve(trend.points.size());
    for (const HistoryStore::TrendPoint& p : trend.points)
        medians.push_back(p.median);
    trend.changePoints = detectChangePoints(medians);
    return trend;
}

RunTrends loadRunTrends(const HistoryStore& store, const RunResult& run, qint64 recordedRunId, std::size_t minPoints)
{
    HistoryStore::Filter filter;
    filter.suite = run.info.suiteName;
    filter.host = run.info.host;
    filter.okOnly = true;
    filter.beforeRun = recordedRunId > 0 ? recordedRunId + 1 : 0;
    RunTrends loaded;
    for (const Result& r : run.results) {
        Expected<std::vector<HistoryStore::TrendPoint>> stored = store.trend(r.info.id, filter);
        if (!stored) {
            loaded.incomplete = stored.error();
            return loaded;
        }
        std::vector<HistoryStore::TrendPoint> points = std::move(*stored);
        const bool measured = r.status == Status::Ok && r.summary.n > 0;
        if (recordedRunId == 0 && measured) {
            HistoryStore::TrendPoint self;
            self.started = run.info.started;
            self.median = r.summary.median;
            self.ci95 = r.summary.ci95;
            self.sampleCount = int(r.summary.n);
            self.unit = r.info.unit;
            points.push_back(std::move(self));
        }
        if (points.size() >= std::max<std::size_t>(minPoints, 1))
            loaded.trends.push_back(makeWorkloadTrend(r.info.id, std::move(points)));
    }
    return loaded;
}

} // namespace crucible
