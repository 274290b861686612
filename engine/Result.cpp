#include "Result.h"

#include "NameTable.h"
#include "Stability.h"

#include <algorithm>

namespace crucible {

namespace {
constexpr std::pair<Status, const char*> kStatusNames[] = {
    {Status::Ok, "ok"}, {Status::Failed, "failed"}, {Status::Timeout, "timeout"}, {Status::Crashed, "crashed"}};
} // namespace

QString statusName(Status status)
{
    return nameOf(kStatusNames, status);
}

std::optional<Status> statusFromName(const QString& name)
{
    return valueOf(kStatusNames, name);
}

std::uint64_t Result::totalIterations() const
{
    std::uint64_t total = 0;
    for (const Sample& s : samples)
        total += s.iterations;
    return total;
}

void computeStatistics(Result& result)
{
    const std::vector<double> times = perIterationTimes(result.samples);
    result.summary = stats::summarize(times);
    // Throughput means operations per second only when a sample value is a time.
    result.throughputPerS =
        result.info.unit == QLatin1String("ns") ? stats::throughputPerSecond(result.summary.median) : 0.0;
    for (const Sample& s : result.samples)
        result.peakRssBytes = std::max(result.peakRssBytes, s.rssBytes);
    result.stability = detectLevelShift(result);
}

namespace {
constexpr std::pair<BudgetStatus, const char*> kBudgetStatusNames[] = {
    {BudgetStatus::Passed, "passed"}, {BudgetStatus::Failed, "failed"}, {BudgetStatus::Skipped, "skipped"}};
constexpr std::pair<ClaimVerdict, const char*> kClaimVerdictNames[] = {{ClaimVerdict::Confirmed, "confirmed"},
                                                                       {ClaimVerdict::Refuted, "refuted"},
                                                                       {ClaimVerdict::Inconclusive, "inconclusive"},
                                                                       {ClaimVerdict::Skipped, "skipped"},
                                                                       {ClaimVerdict::Failed, "failed"}};

} // namespace

QString budgetStatusName(BudgetStatus status)
{
    return nameOf(kBudgetStatusNames, status);
}

std::optional<BudgetStatus> budgetStatusFromName(const QString& name)
{
    return valueOf(kBudgetStatusNames, name);
}

QString claimVerdictName(ClaimVerdict verdict)
{
    return nameOf(kClaimVerdictNames, verdict);
}

std::optional<ClaimVerdict> claimVerdictFromName(const QString& name)
{
    return valueOf(kClaimVerdictNames, name);
}

bool RunResult::anyFailed() const
{
    return std::any_of(results.begin(), results.end(), [](const Result& r) { return r.status != Status::Ok; });
}

} // namespace crucible
