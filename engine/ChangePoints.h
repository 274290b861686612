#pragma once

#include "Comparison.h"

#include <cstddef>
#include <span>
#include <vector>

namespace crucible {

struct ChangePointOptions {
    // Runs on each side of a change, at least 2 (a segment needs a variance). A step in the last
    // minSegmentLength - 1 runs is not reported until enough runs confirm it.
    std::size_t minSegmentLength = 3;
    // Family-wise significance of one change: the best candidate's Welch p-value times the
    // number of candidates tried (Bonferroni) must stay below it.
    double significance = 0.01;
    // Smallest |mean after / mean before - 1| in percent that counts as a change: the
    // comparison's noise threshold, so that a trend marks nothing a baseline comparison would
    // call unchanged.
    double minRelativeShiftPct = kDefaultNoiseThresholdPct;
};

// Change points of a series of per-run medians (oldest first): the indexes where a new segment
// starts, ascending; empty for a series with no change beyond the noise.
//
// Method: binary segmentation with Welch's t-test, as DataStax's Hunter does it, over
// E-divisive's window pairs. In a segment, pairs of adjacent windows [0, tau) and [tau, kappa)
// with at least minSegmentLength values each are the candidates. The second boundary kappa (as
// in E-divisive) keeps a step that goes back later in the segment, up and down again, from
// being averaged away; kappa - tau takes the lengths minSegmentLength × 1, 2, 4, … and the rest
// of the segment, which matches any window within a factor of two at O(n log n) per level
// (milliseconds for 10,000 runs). A candidate counts when its two means differ by at least
// minRelativeShiftPct, and is scored by Welch's two-sided t-test (Student's t with the
// conservative min(n1, n2) − 1 degrees of freedom, see ChangePoints.cpp); when p-values
// underflow to 0 (a clear step over thousands of runs) the larger t decides. The best
// candidate's tau is a change point when its p-value, times the number of candidates
// (Bonferroni), is below `significance`; then both halves are searched again, and a segment
// with no such candidate has no change. Deterministic, unlike
// E-divisive's permutation test: the same series always gives the same answer. Windows whose
// values are all equal have no variance: a difference between them counts as certain,
// equality as none. A series holding NaN or infinity gives no change points: leave out the
// runs without a median (failed ones) first.
std::vector<std::size_t> detectChangePoints(std::span<const double> series, const ChangePointOptions& options = {});

} // namespace crucible
