#include "GithubActions.h"

#include "gates/Gates.h"

#include <QFile>

namespace crucible::github {

namespace {

QString command(bool error, const QString& title, const QString& message)
{
    return QStringLiteral("::%1 title=%2::%3")
        .arg(error ? QStringLiteral("error") : QStringLiteral("warning"), escapeProperty(title), escapeData(message));
}

} // namespace

QString escapeData(const QString& text)
{
    QString out = text;
    out.replace(QLatin1Char('%'), QStringLiteral("%25"));
    out.replace(QLatin1Char('\r'), QStringLiteral("%0D"));
    out.replace(QLatin1Char('\n'), QStringLiteral("%0A"));
    return out;
}

QString escapeProperty(const QString& text)
{
    QString out = escapeData(text);
    out.replace(QLatin1Char(':'), QStringLiteral("%3A"));
    out.replace(QLatin1Char(','), QStringLiteral("%2C"));
    return out;
}

QStringList annotations(const RunResult& run, bool failOnRegression, bool failOnBudget)
{
    QStringList lines;
    for (const Result& r : run.results)
        if (r.baseline && r.baseline->isRegression())
            lines << command(
                failOnRegression, QStringLiteral("Regression: %1").arg(r.info.id),
                QStringLiteral("%1 against %2: %3").arg(r.info.id, r.baseline->name, r.baseline->explanation()));
    for (const BudgetOutcome& b : run.budgets)
        if (b.status == BudgetStatus::Failed)
            lines << command(failOnBudget, QStringLiteral("Budget broken: %1 %2").arg(b.workload, b.metric),
                             QStringLiteral("budget failed: ") + budgetLine(b));
    for (const ClaimOutcome& c : run.claims)
        if (c.verdict == ClaimVerdict::Refuted || c.verdict == ClaimVerdict::Failed)
            lines << command(failOnBudget, QStringLiteral("Claim %1: %2").arg(claimVerdictName(c.verdict), c.name),
                             claimLine(c));
    return lines;
}

Expected<void> appendStepSummary(const QString& path, const QByteArray& markdown)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return Error::internal(
            QStringLiteral("GITHUB_STEP_SUMMARY: cannot append to '%1': %2").arg(path, file.errorString()));
    // A step summary is Markdown appended by several steps: a blank line keeps ours apart.
    const QByteArray bytes = (file.size() > 0 ? QByteArray("\n") : QByteArray()) + markdown;
    if (file.write(bytes) != bytes.size() || !file.flush())
        return Error::internal(
            QStringLiteral("GITHUB_STEP_SUMMARY: cannot append to '%1': %2").arg(path, file.errorString()));
    return {};
}

} // namespace crucible::github
