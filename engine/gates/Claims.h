#pragma once

#include "Result.h"
#include "suite/Suite.h"

#include <vector>

// A suite's claims (SPEC.md "Suite file") against a finished run. A claim compares two
// workloads of the same run: improvement = 1 − median(candidate) / median(baseline), with the
// bootstrap 95% CI of the ratio of medians (PairRatios.h, fixed seed) turned into an interval
// of the improvement. With floor = expected − tolerance:
//  - confirmed: the whole interval is at or above the floor (within expected ± tolerance, or
//    better than claimed: a claim says "at least about this much faster");
//  - refuted: the whole interval is below the floor;
//  - inconclusive: the interval straddles the floor (more samples may decide), or the baseline's
//    median is 0, which has no ratio;
//  - skipped: a side is not in this run (filtered out, or the run was stopped before it), or a
//    side names a parameter scan's entry, which stands for several workloads;
//  - failed: a side failed or took no samples: there is nothing to compare.
namespace crucible::gates {

ClaimVerdict claimVerdict(const stats::Interval& improvementCi95Pct, double expectedImprovementPct,
                          double tolerancePct);

// One outcome per claim, in the suite's order.
std::vector<ClaimOutcome> evaluateClaims(const Suite& suite, const RunResult& run);

} // namespace crucible::gates
