#pragma once

#include "Expected.h"
#include "HistoryStore.h"

#include <optional>
#include <vector>

namespace crucible {

// One workload's per-run medians from the history, oldest first, with the change points found
// in them: what a trend chart draws, in the window's History tab and in report.pdf. Plain data,
// so that it crosses from the engine (which loads it) to gui/ (which draws it) by value.
struct WorkloadTrend {
    QString workloadId;
    QString unit;                                 // of the medians: "ns" for timed workloads
    std::vector<HistoryStore::TrendPoint> points; // oldest first; runId 0: a run not recorded (yet)
    std::vector<std::size_t> changePoints;        // indexes into points where a new level starts

    // The median of the per-run medians of each segment between change points, in order: the
    // levels the series steps between.
    std::vector<double> segmentLevels() const;
    // (after / before − 1) × 100 of the segment levels on either side of changePoints[i].
    double shiftPct(std::size_t changeIndex) const;
};

// A trend of `points` with its change points (ChangePoints.h, default options).
WorkloadTrend makeWorkloadTrend(const QString& workloadId, std::vector<HistoryStore::TrendPoint> points);

// The trend of each workload of `run` over the runs of the same suite on the same host, for the
// report's "Trend over history". When `recordedRunId` is 0 the run is not in the store (a
// headless run writes its files before recording): its own medians are appended as the newest
// point. Otherwise the trend stops at that run, so a past run's report shows the history it
// knew. Only workloads with at least `minPoints` points; failed results are no points.
struct RunTrends {
    // When the store fails part way, the trends loaded before it: a report still shows those.
    std::vector<WorkloadTrend> trends;
    std::optional<Error> incomplete; // why trends stop short
};
RunTrends loadRunTrends(const HistoryStore& store, const RunResult& run, qint64 recordedRunId,
                        std::size_t minPoints = 2);

} // namespace crucible
