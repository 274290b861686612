#pragma once

#include "ChartLook.h"
#include "history/WorkloadTrend.h"

#include <QChart>

#include <functional>
#include <memory>

namespace crucible::charts {

struct TrendChartOptions {
    QString title;             // when empty: the workload id and the number of runs
    qint64 highlightRunId = 0; // a run to ring (the one chosen in the run list), 0 for none
    bool legend = true;        // the PDF's compact grid explains the marks in a caption instead
    // The window's chart: hovering a run shows its numbers, clicking one calls this with its id.
    std::function<void(qint64 runId)> runClicked;
};

// A workload's median per run over the history, oldest run on the left: the medians as a line
// (with dots while there are few), each run's 95% CI of the median as a shaded band, change
// points as dashed vertical lines between runs labelled with the step in percent, the level of
// each segment between them as a flat line, and baseline runs as stars labelled with their
// names. One builder for the window's History tab and for report.pdf's "Trend over history".
// The x axis counts runs (1 = oldest shown), not time: runs come in bursts, and a step should
// look like a step whether a week or a minute passed between the runs around it.
std::unique_ptr<QChart> trendChart(const WorkloadTrend& trend, const ChartOptions& options,
                                   const TrendChartOptions& trendOptions = {});

// Rings run `runId` on a chart trendChart() made of `trend` (0: no run), without rebuilding it:
// choosing runs in a list stays cheap however long the history. False when `chart` is not a
// trend chart.
bool setTrendHighlight(QChart& chart, const WorkloadTrend& trend, qint64 runId);

// The step for integer ticks on an axis of `count` runs that leaves at most `maxTicks` labels:
// 1, 2, 5, 10, 20, 50 …
int runTickStep(int count, int maxTicks);

} // namespace crucible::charts
