#pragma once

#include "Result.h"

#include <QString>

namespace crucible {

// The commands of an interleaved run compared with each other, as hyperfine's summary does but
// with the uncertainty said: each command's mean ± standard deviation, median and peak RSS;
// then the fastest (by median) and, for each other command, how many times faster it ran — the
// ratio of the medians with its bootstrap 95% CI — and whether that difference is significant
// (two-sided Mann-Whitney U, p below kSignificanceLevel). Commands that failed are listed with
// their error and left out of the ratios. Empty for a run without results.
QString describeCommandComparison(const RunResult& run);

} // namespace crucible
