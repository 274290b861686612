#pragma once

#include "Statistics.h"

#include <QString>

#include <span>

namespace crucible {

// A candidate's samples against a baseline's: is the change real and beyond the noise?
struct Comparison {
    double baselineMedian = 0;
    double candidateMedian = 0;
    double changePct = 0;         // (candidate / baseline - 1) * 100 on medians
    stats::Interval ci95Pct;      // bootstrap 95% CI of that change
    double pValue = 1;            // Mann-Whitney U, two-sided
    QString verdict;              // regressed | improved | unchanged | inconclusive
};

inline constexpr double kDefaultNoiseThresholdPct = 2.0;
inline constexpr double kSignificanceLevel = 0.05;

// Times (lower is better). Verdict: `regressed` / `improved` when the test is significant and
// the whole confidence interval of the change lies beyond the noise threshold; `unchanged` when
// the interval lies within ±threshold, or the test finds no difference and the change itself is
// within the threshold; otherwise `inconclusive`.
Comparison compareSamples(std::span<const double> baseline, std::span<const double> candidate,
                          double noiseThresholdPct = kDefaultNoiseThresholdPct);

} // namespace crucible

namespace crucible {

struct Result;

// Fills `candidate.baseline` from the samples of the same workload in an earlier run named
// `baselineName`. Leaves it empty when either side has no samples.
void compareWithBaseline(Result& candidate, const Result& baseline, const QString& baselineName,
                         double noiseThresholdPct = kDefaultNoiseThresholdPct);

} // namespace crucible
