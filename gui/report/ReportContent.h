#pragma once

#include "ReportBlocks.h"
#include "Result.h"
#include "export/ExternalReport.h"

namespace crucible::report {

// What the PDF report says about a run, as blocks in reading order:
//  1. title block (suite, dates, host, CPU, OS, build, settings),
//  2. summary table of every workload, then the failures with their errors,
//  3. the suite's budgets and claims with pass/fail (when the run has any),
//  4. per category, on a new page: what each workload measures, statistics, the latency
//     distribution, architecture pairs as ratios, samples over time, memory.
//  5. the trend over history of each workload, when `options.trends` has any (ReportTrends.h).
// Charts only when `options.plots`; tables and text always. Chart recipes point into `run`,
// which must outlive the document.
ReportDocument buildReport(const RunResult& run, const ReportOptions& options);

} // namespace crucible::report
