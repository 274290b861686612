#pragma once

#include "ReportBlocks.h"
#include "export/ExternalReport.h"

namespace crucible::report {

// "Trend over history", on a new page after the categories: each workload's median per run over
// the earlier runs of the same suite on the same host, this run last, as a table (runs, latest
// and previous median, change points with their steps) and, with plots, a compact grid of the
// shared trend charts (gui/charts/TrendChart.h). Nothing when `options.trends` is empty (no
// history, or the first run). The chart recipes hold copies of the trends.
void appendTrendSection(ReportDocument& doc, const RunResult& run, const ReportOptions& options);

} // namespace crucible::report
