#pragma once

#include "Result.h"

#include <vector>

namespace crucible {

// An architecture pair (two workloads that name each other in WorkloadInfo::pairedWith) seen
// as one number: how long the new way takes relative to the old, with a 95% interval.
struct PairRatio {
    QString name;  // the ids' common part: "architecture.tool_exec"
    QString oldId; // the side listed first in the run (built-ins register the old way first,
    QString newId; // and the session measures a pair in that order)
    double oldMedian = 0;
    double newMedian = 0;
    double ratio = 0;     // median(new) / median(old)
    stats::Interval ci95; // bootstrap 95% CI of that ratio
};

// Two finished results as a pair: the ratio of their medians with its bootstrap 95% CI. Both
// must have samples. Also what a suite's claims are computed from (engine/gates/Claims.h).
PairRatio pairRatio(const Result& oldSide, const Result& newSide);

// Every pair whose two sides both finished OK, in run order.
std::vector<PairRatio> pairRatios(const RunResult& run);

} // namespace crucible
