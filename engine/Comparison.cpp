#include "Comparison.h"

#include "Result.h"

#include <cmath>

namespace crucible {

Comparison compareSamples(std::span<const double> baseline, std::span<const double> candidate,
                          double threshold)
{
    Comparison c;
    c.baselineMedian = stats::median(baseline);
    c.candidateMedian = stats::median(candidate);
    if (baseline.empty() || candidate.empty() || c.baselineMedian <= 0) {
        c.verdict = QStringLiteral("inconclusive");
        return c;
    }
    c.changePct = (c.candidateMedian / c.baselineMedian - 1) * 100;
    const stats::Interval ratio = stats::bootstrapMedianRatioCI(baseline, candidate);
    c.ci95Pct = {(ratio.low - 1) * 100, (ratio.high - 1) * 100};
    c.pValue = stats::mannWhitneyU(baseline, candidate).pValue;

    const bool significant = c.pValue < kSignificanceLevel;
    if (significant && c.ci95Pct.low > threshold)
        c.verdict = QStringLiteral("regressed");
    else if (significant && c.ci95Pct.high < -threshold)
        c.verdict = QStringLiteral("improved");
    else if ((c.ci95Pct.low >= -threshold && c.ci95Pct.high <= threshold)
             || (!significant && std::abs(c.changePct) <= threshold))
        c.verdict = QStringLiteral("unchanged");
    else
        c.verdict = QStringLiteral("inconclusive");
    return c;
}

} // namespace crucible

namespace crucible {

void compareWithBaseline(Result& candidate, const Result& baseline, const QString& baselineName,
                         double noiseThresholdPct)
{
    if (candidate.samples.empty() || baseline.samples.empty() || candidate.status != Status::Ok
        || baseline.status != Status::Ok) {
        candidate.baseline.reset();
        return;
    }
    const std::vector<double> before = perIterationTimes(baseline.samples);
    const std::vector<double> after = perIterationTimes(candidate.samples);
    const Comparison c = compareSamples(before, after, noiseThresholdPct);
    candidate.baseline = BaselineComparison{baselineName, c.baselineMedian, c.changePct, c.ci95Pct, c.pValue, c.verdict};
}

} // namespace crucible
