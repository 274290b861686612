#pragma once

#include "PairRatios.h"
#include "ReportBlocks.h"
#include "Result.h"

#include <span>

// The report's tables, built from the engine's value types. Numbers are formatted as in the
// terminal and summary.md (formatDuration, formatBytes) so that all outputs read alike.
namespace crucible::report {

// Every workload of the run: id, status, median, 95% CI, CV, peak RSS, and change and verdict
// when any workload has a baseline. Failed workloads and regressions in red, improvements in green.
TableBlock summaryTable(const RunResult& run);

// id, status and error message of each workload that did not finish OK.
// One line per verdict (and per unstable result): the change with its CI, the noise it was
// judged against and where that came from, and the rule that decided.
TableBlock verdictsTable(const RunResult& run);
TableBlock failuresTable(const RunResult& run);

// What each workload does: short id and description.
TableBlock descriptionsTable(std::span<const Result* const> results);

// The rest of the statistics: mean, stddev, min, p90, p99, max, outliers, throughput.
TableBlock statisticsTable(std::span<const Result* const> results);

// Each pair: old and new median, ratio with its 95% CI and the improvement in percent.
TableBlock pairsTable(std::span<const PairRatio> pairs);

// Each budget outcome: workload, metric, measured value, limit, passed/failed/skipped with why.
// Failures first, in red; passes in green.
TableBlock budgetsTable(const RunResult& run);

// Each claim: baseline → candidate, expected improvement ± tolerance, measured improvement with
// its 95% CI, verdict (confirmed in green, refuted and failed in red) and why.
TableBlock claimsTable(const RunResult& run);

} // namespace crucible::report
