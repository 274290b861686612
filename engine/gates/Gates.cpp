#include "Gates.h"

#include "Budgets.h"
#include "Claims.h"
#include "Counted.h"

#include <algorithm>
#include <map>

namespace crucible {

namespace {

QString limitText(const BudgetOutcome& b)
{
    if (b.max)
        return QStringLiteral("max %1").arg(*b.max);
    if (b.min)
        return QStringLiteral("min %1").arg(*b.min);
    return {};
}

// "3 passed, 1 failed": each outcome that occurred, in the order the enum lists them.
template <typename Enum>
QString counts(const std::map<Enum, int>& tally, QString (*name)(Enum))
{
    QStringList parts;
    for (const auto& [value, n] : tally)
        parts << QStringLiteral("%1 %2").arg(n).arg(name(value));
    return parts.join(QStringLiteral(", "));
}

QString claimText(const ClaimOutcome& c, int verdictWidth)
{
    QString line = QStringLiteral("%1 \"%2\"").arg(claimVerdictName(c.verdict), verdictWidth).arg(c.name);
    if (c.improvementPct)
        line += QStringLiteral(": improvement %1% [%2% … %3%], expected %4% ± %5%")
                    .arg(*c.improvementPct, 0, 'f', 1)
                    .arg(c.ci95Pct.low, 0, 'f', 1)
                    .arg(c.ci95Pct.high, 0, 'f', 1)
                    .arg(c.expectedImprovementPct)
                    .arg(c.tolerancePct);
    if (!c.note.isEmpty() && !c.improvementPct)
        line += QStringLiteral(": ") + c.note;
    return line;
}

// Why a claim was skipped, without the workload it names first ("a.b: not selected in this run"
// reads "not selected in this run"): what claims skipped for the same reason share.
QString skipReason(const ClaimOutcome& c)
{
    for (const QString& side : {c.baseline, c.candidate})
        if (!side.isEmpty() && c.note.startsWith(side + QStringLiteral(": ")))
            return c.note.mid(side.size() + 2);
    return c.note;
}

} // namespace

QString budgetLine(const BudgetOutcome& b)
{
    const QString measured = b.measured ? QStringLiteral(" %1 (%2)").arg(*b.measured, 0, 'g', 4).arg(limitText(b))
                                        : QStringLiteral(" (%1)").arg(limitText(b));
    return QStringLiteral("%1 %2%3: %4").arg(b.workload, b.metric, measured, b.note);
}

QString claimLine(const ClaimOutcome& claim)
{
    return claimText(claim, 0);
}

void evaluateGates(const Suite& suite, RunResult& run)
{
    run.budgets = gates::evaluateBudgets(suite, run);
    run.claims = gates::evaluateClaims(suite, run);
}

bool gatesFailed(const RunResult& run)
{
    return std::any_of(run.budgets.begin(), run.budgets.end(),
                       [](const BudgetOutcome& b) { return b.status == BudgetStatus::Failed; })
        || std::any_of(run.claims.begin(), run.claims.end(), [](const ClaimOutcome& c) {
               return c.verdict == ClaimVerdict::Refuted || c.verdict == ClaimVerdict::Failed;
           });
}

QString describeGates(const RunResult& run)
{
    QStringList lines;
    if (!run.budgets.empty()) {
        std::map<BudgetStatus, int> tally;
        for (const BudgetOutcome& b : run.budgets)
            ++tally[b.status];
        lines << QStringLiteral("Budgets: %1").arg(counts(tally, &budgetStatusName));
        for (const BudgetOutcome& b : run.budgets) {
            if (b.status != BudgetStatus::Failed)
                continue;
            lines << QStringLiteral("  failed       ") + budgetLine(b);
        }
    }
    if (!run.claims.empty()) {
        std::map<ClaimVerdict, int> tally;
        for (const ClaimOutcome& c : run.claims)
            ++tally[c.verdict];
        lines << QStringLiteral("Claims: %1").arg(counts(tally, &claimVerdictName));
        // A filtered run skips every claim on workloads it did not select, all for the same
        // reason: one line per reason says it, where one line per claim buried the rest.
        std::map<QString, int> skippedFor;
        for (const ClaimOutcome& c : run.claims)
            if (c.verdict == ClaimVerdict::Skipped)
                ++skippedFor[skipReason(c)];
        for (const ClaimOutcome& c : run.claims) {
            if (c.verdict != ClaimVerdict::Skipped || skippedFor[skipReason(c)] == 1) {
                lines << QStringLiteral("  ") + claimText(c, -12);
                continue;
            }
            // The reason's line stands where its first claim would have; the others add none.
            const auto reason = skippedFor.find(skipReason(c));
            if (reason->second == 0)
                continue;
            lines << QStringLiteral("  %1 %2: %3")
                         .arg(claimVerdictName(c.verdict), -12)
                         .arg(counted(reason->second, QStringLiteral("claim")), reason->first);
            reason->second = 0;
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace crucible
