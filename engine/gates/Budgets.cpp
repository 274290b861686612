#include "Budgets.h"

#include "WorkloadRefs.h"

#include <cmath>

namespace crucible::gates {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;
constexpr double kNsPerMs = 1e6;

bool is(const QString& metric, const char* name)
{
    return metric == QLatin1String(name);
}

// "over the limit by 12.5%": how far, relative to the limit, when the limit is not zero.
QString breach(double measured, double limit, const char* direction)
{
    if (limit == 0)
        return QStringLiteral("%1 the limit of 0").arg(QLatin1String(direction));
    return QStringLiteral("%1 the limit by %2%")
        .arg(QLatin1String(direction))
        .arg(std::abs(measured - limit) / std::abs(limit) * 100, 0, 'f', 1);
}

BudgetOutcome applyBudget(const Budget& budget, const QString& id, const RunResult& run)
{
    BudgetOutcome o;
    o.budgetWorkload = budget.workload;
    o.workload = id;
    o.metric = budget.metric;
    o.max = budget.max;
    o.min = budget.min;
    const Result* result = findResult(run, id);
    if (!result) {
        o.status = BudgetStatus::Skipped;
        o.note = notInRunNote(run);
        return o;
    }
    if (const QString unusable = unusableResultNote(*result); !unusable.isEmpty()) {
        o.status = BudgetStatus::Failed;
        o.note = unusable;
        return o;
    }
    if (!budgetMetricFits(budget.metric, result->info.unit)) {
        o.status = BudgetStatus::Skipped;
        o.note = QStringLiteral("%1 does not apply to a workload measured in %2").arg(budget.metric, result->info.unit);
        return o;
    }
    o.measured = budgetMetricValue(budget.metric, *result);
    if (!o.measured) {
        o.status = BudgetStatus::Skipped;
        o.note = is(budget.metric, "peak_rss_mb") ? QStringLiteral("the peak memory of this workload was not measured")
                                                  : QStringLiteral("this workload has no %1").arg(budget.metric);
        return o;
    }
    const double v = *o.measured;
    // NaN compares false both ways: it must fail, not slip through.
    const bool underMax = !budget.max || v <= *budget.max;
    const bool overMin = !budget.min || v >= *budget.min;
    if (std::isfinite(v) && underMax && overMin) {
        o.status = BudgetStatus::Passed;
        return o;
    }
    o.status = BudgetStatus::Failed;
    if (!std::isfinite(v))
        o.note = QStringLiteral("the measured value is not a number");
    else if (!underMax)
        o.note = breach(v, *budget.max, "over");
    else
        o.note = breach(v, *budget.min, "under");
    return o;
}

} // namespace

bool budgetMetricFits(const QString& metric, const QString& unit)
{
    if (is(metric, "peak_rss_mb"))
        return true;
    if (is(metric, "median_mb"))
        return unit == QLatin1String("bytes");
    return unit == QLatin1String("ns"); // the *_ms times and throughput_per_s
}

std::optional<double> budgetMetricValue(const QString& metric, const Result& result)
{
    if (!budgetMetricFits(metric, result.info.unit) || result.samples.empty())
        return std::nullopt;
    const stats::Summary& s = result.summary;
    if (is(metric, "median_ms"))
        return s.median / kNsPerMs;
    if (is(metric, "mean_ms"))
        return s.mean / kNsPerMs;
    if (is(metric, "p99_ms"))
        return s.p99 / kNsPerMs;
    if (is(metric, "median_mb"))
        return s.median / kMiB;
    if (is(metric, "peak_rss_mb"))
        return result.peakRssBytes > 0 ? std::optional<double>(double(result.peakRssBytes) / kMiB) : std::nullopt;
    if (is(metric, "throughput_per_s"))
        return result.throughputPerS > 0 ? std::optional<double>(result.throughputPerS) : std::nullopt;
    return std::nullopt;
}

std::vector<BudgetOutcome> evaluateBudgets(const Suite& suite, const RunResult& run)
{
    std::vector<BudgetOutcome> outcomes;
    for (const Budget& budget : suite.budgets) {
        if (budget.workload == QLatin1String("*")) {
            for (const Result& r : run.results)
                if (budgetMetricFits(budget.metric, r.info.unit))
                    outcomes.push_back(applyBudget(budget, r.info.id, run));
            continue;
        }
        for (const QString& id : workloadsNamedBy(suite, budget.workload))
            outcomes.push_back(applyBudget(budget, id, run));
    }
    return outcomes;
}

} // namespace crucible::gates
