#pragma once

#include "ExternalReport.h"
#include "ReportBlocks.h"
#include "Result.h"

namespace crucible::report {

// What the PDF report says about a run, as blocks in reading order:
//  1. title block (suite, dates, host, CPU, OS, build, settings),
//  2. summary table of every workload, then the failures with their errors,
//  3. per category, on a new page: what each workload measures, statistics, the latency
//     distribution, architecture pairs as ratios, samples over time, memory.
// Sections for what a run does not carry yet (history trend, budgets, claims) join as further
// appendXSection() calls in buildReport() when RunResult holds them. Charts only when
// `options.plots`; tables and text always. Chart recipes point into `run`, which must outlive
// the document.
ReportDocument buildReport(const RunResult& run, const ReportOptions& options);

} // namespace crucible::report
