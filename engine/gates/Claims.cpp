#include "Claims.h"

#include "PairRatios.h"
#include "WorkloadRefs.h"

namespace crucible::gates {

namespace {

QString pct(double value)
{
    return QString::number(value, 'f', 1) + QLatin1Char('%');
}

// A side of the claim as one workload id; empty (with `note` set) when it names several.
QString singleWorkload(const Suite& suite, const QString& ref, QString* note)
{
    const QStringList ids = workloadsNamedBy(suite, ref);
    if (ids.size() == 1)
        return ids.constFirst();
    *note = QStringLiteral(
                "\"%1\" names %2 workloads (one per parameter combination); a claim compares two single workloads")
                .arg(ref)
                .arg(ids.size());
    return {};
}

ClaimOutcome evaluateClaim(const Claim& claim, const Suite& suite, const RunResult& run)
{
    ClaimOutcome o;
    o.name = claim.name;
    o.baseline = claim.baseline;
    o.candidate = claim.candidate;
    o.expectedImprovementPct = claim.expectedImprovementPct;
    o.tolerancePct = claim.tolerancePct;
    const QString baselineId = singleWorkload(suite, claim.baseline, &o.note);
    const QString candidateId = baselineId.isEmpty() ? QString() : singleWorkload(suite, claim.candidate, &o.note);
    if (baselineId.isEmpty() || candidateId.isEmpty()) {
        o.verdict = ClaimVerdict::Skipped;
        return o;
    }
    o.baseline = baselineId;
    o.candidate = candidateId;

    const Result* baseline = findResult(run, baselineId);
    const Result* candidate = findResult(run, candidateId);
    for (const auto& [id, result] : {std::pair{baselineId, baseline}, std::pair{candidateId, candidate}}) {
        if (!result) {
            o.verdict = ClaimVerdict::Skipped;
            o.note = QStringLiteral("%1: %2").arg(id, notInRunNote(run));
            return o;
        }
    }
    for (const Result* result : {baseline, candidate}) {
        if (const QString unusable = unusableResultNote(*result); !unusable.isEmpty()) {
            o.verdict = ClaimVerdict::Failed;
            o.note = QStringLiteral("%1: %2").arg(result->info.id, unusable);
            return o;
        }
    }

    const PairRatio ratio = pairRatio(*baseline, *candidate);
    o.baselineMedian = ratio.oldMedian;
    o.candidateMedian = ratio.newMedian;
    if (!(ratio.oldMedian > 0)) {
        o.verdict = ClaimVerdict::Inconclusive;
        o.note = QStringLiteral("the baseline's median is 0: the ratio of medians is undefined");
        return o;
    }
    o.improvementPct = (1 - ratio.ratio) * 100;
    // The improvement falls as the ratio rises: the interval's ends swap.
    o.ci95Pct = {(1 - ratio.ci95.high) * 100, (1 - ratio.ci95.low) * 100};
    o.verdict = claimVerdict(o.ci95Pct, claim.expectedImprovementPct, claim.tolerancePct);
    const double floor = claim.expectedImprovementPct - claim.tolerancePct;
    if (o.verdict == ClaimVerdict::Refuted)
        o.note = QStringLiteral("the whole 95% interval is below %1 (expected − tolerance)").arg(pct(floor));
    else if (o.verdict == ClaimVerdict::Inconclusive)
        o.note = QStringLiteral("the 95% interval straddles %1 (expected − tolerance): more samples may decide")
                     .arg(pct(floor));
    return o;
}

} // namespace

ClaimVerdict claimVerdict(const stats::Interval& ci, double expectedImprovementPct, double tolerancePct)
{
    const double floor = expectedImprovementPct - tolerancePct;
    if (ci.low >= floor)
        return ClaimVerdict::Confirmed;
    if (ci.high < floor)
        return ClaimVerdict::Refuted;
    return ClaimVerdict::Inconclusive;
}

std::vector<ClaimOutcome> evaluateClaims(const Suite& suite, const RunResult& run)
{
    std::vector<ClaimOutcome> outcomes;
    outcomes.reserve(suite.claims.size());
    for (const Claim& claim : suite.claims)
        outcomes.push_back(evaluateClaim(claim, suite, run));
    return outcomes;
}

} // namespace crucible::gates
