#pragma once

#include "Result.h"
#include "suite/Suite.h"

#include <optional>
#include <vector>

// A suite's budgets (SPEC.md "Suite file") against a finished run. The rules:
//  - A budget naming a workload applies to it; naming a parameter scan's entry, to each of its
//    combinations (and a Google Benchmark entry, to each of its benchmarks).
//  - "*" applies to each workload of this run whose unit the metric fits: median_ms, mean_ms,
//    p99_ms and throughput_per_s to timed workloads (unit ns), peak_rss_mb to every workload.
//    A workload the metric does not fit (a size in bytes under "*" median_ms) is left out, not
//    listed: the suite cannot name it in such a budget either (SuiteFile.cpp refuses that).
//  - skipped: a named workload that is not in this run (filtered out, or the run was stopped
//    before it), or a metric with no value for the workload (peak memory that could not be
//    read). Visible in every report, never counted as passed.
//  - failed: the limit was broken, or the workload itself failed or took no samples: a budget
//    of a workload that did not finish must not pass by default.
// Units: milliseconds for *_ms (of the per-iteration time), MiB (2^20 bytes) for peak_rss_mb and
// median_mb, operations per second for throughput_per_s. The limit is inclusive.
namespace crucible::gates {

// Whether `metric` means something for a workload measured in `unit` ("ns", "bytes").
bool budgetMetricFits(const QString& metric, const QString& unit);

// The value of `metric` for a finished result, in the metric's unit; nullopt when the result
// holds none (no peak memory, no throughput) or the metric does not fit it.
std::optional<double> budgetMetricValue(const QString& metric, const Result& result);

// One outcome per budget and workload it applies to, in the suite's budget order; within a
// budget, "*" in run order, a named entry in suite order.
std::vector<BudgetOutcome> evaluateBudgets(const Suite& suite, const RunResult& run);

} // namespace crucible::gates
