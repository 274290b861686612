#include "ReportTables.h"

#include "Labels.h"
#include "Stability.h"
#include "VerdictPalette.h"
#include "export/TextReports.h"

#include <algorithm>

namespace crucible::report {

namespace {

constexpr Qt::Alignment kNumber = Qt::AlignRight;

TableColumn stretch(const QString& title)
{
    return {title, Qt::AlignLeft, true};
}

TableColumn text(const QString& title)
{
    return {title, Qt::AlignLeft, false};
}

TableColumn number(const QString& title)
{
    return {title, kNumber, false};
}

QColor colorOf(const std::optional<BaselineComparison>& b)
{
    return b ? gui::verdictColor(b->verdict) : QColor();
}

// The verdict word, with the result's own instability when the verdict does not say it.
QString verdictText(const Result& r)
{
    QString text = r.baseline ? verdictName(r.baseline->verdict) : QStringLiteral("–");
    if (r.stability.unstable && (!r.baseline || r.baseline->verdict != ChangeVerdict::Unstable))
        text += QStringLiteral(" ⚠ unstable");
    return text;
}

TableCell statusCell(const Result& r)
{
    const bool ok = r.status == Status::Ok;
    return {statusName(r.status), ok ? QColor() : Typography::bad(), !ok};
}

QString percent(double value, bool sign)
{
    return QStringLiteral("%1%2%").arg(sign && value >= 0 ? QStringLiteral("+") : QString()).arg(value, 0, 'f', 1);
}

// "12.3 M call/s": operations per second with an SI prefix.
QString throughput(double perSecond, const QString& operation)
{
    if (!(perSecond > 0))
        return QStringLiteral("–");
    static constexpr std::pair<double, const char*> kPrefixes[] = {{1e9, " G "}, {1e6, " M "}, {1e3, " k "}, {1, " "}};
    for (const auto& [factor, prefix] : kPrefixes)
        if (perSecond >= factor)
            return QString::number(perSecond / factor, 'f', 2) + QLatin1String(prefix) + operation
                + QStringLiteral("/s");
    return QString::number(perSecond, 'g', 3) + QLatin1Char(' ') + operation + QStringLiteral("/s");
}

QString outliers(const stats::OutlierCounts& o)
{
    const int severe = o.lowSevere + o.highSevere;
    return severe > 0 ? QStringLiteral("%1 (%2 severe)").arg(o.total()).arg(severe) : QString::number(o.total());
}

QColor budgetColor(BudgetStatus status)
{
    switch (status) {
    case BudgetStatus::Passed:
        return Typography::good();
    case BudgetStatus::Failed:
        return Typography::bad();
    case BudgetStatus::Skipped:
        break;
    }
    return {};
}

QColor claimColor(ClaimVerdict verdict)
{
    switch (verdict) {
    case ClaimVerdict::Confirmed:
        return Typography::good();
    case ClaimVerdict::Refuted:
    case ClaimVerdict::Failed:
        return Typography::bad();
    case ClaimVerdict::Inconclusive:
    case ClaimVerdict::Skipped:
        break;
    }
    return {};
}

// The note in a stretch column after the verdict word: "failed: over the limit by 4.1%".
QString withNote(const QString& word, const QString& note)
{
    return note.isEmpty() ? word : QStringLiteral("%1: %2").arg(word, note);
}

} // namespace

TableBlock budgetsTable(const RunResult& run)
{
    TableBlock t;
    t.columns = {text(QStringLiteral("Workload")), text(QStringLiteral("Metric")), number(QStringLiteral("Measured")),
                 number(QStringLiteral("Limit")), stretch(QStringLiteral("Result"))};
    std::vector<const BudgetOutcome*> ordered;
    for (const BudgetOutcome& b : run.budgets)
        ordered.push_back(&b);
    const auto rank = [](const BudgetOutcome* b) {
        return b->status == BudgetStatus::Failed ? 0 : b->status == BudgetStatus::Skipped ? 1 : 2;
    };
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&](const BudgetOutcome* a, const BudgetOutcome* b) { return rank(a) < rank(b); });
    for (const BudgetOutcome* b : ordered) {
        const QColor color = budgetColor(b->status);
        const bool failed = b->status == BudgetStatus::Failed;
        t.rows.push_back(
            {{b->workload},
             {b->metric},
             {b->measured ? formatBudgetValue(b->metric, *b->measured) : QStringLiteral("–"), color, failed},
             {formatBudgetLimit(*b)},
             {withNote(budgetStatusName(b->status), b->note), color, failed}});
    }
    return t;
}

TableBlock claimsTable(const RunResult& run)
{
    TableBlock t;
    t.columns = {stretch(QStringLiteral("Claim")), number(QStringLiteral("Expected")),
                 number(QStringLiteral("Measured")), number(QStringLiteral("95% CI")),
                 stretch(QStringLiteral("Verdict"))};
    for (const ClaimOutcome& c : run.claims) {
        const QColor color = claimColor(c.verdict);
        const bool bad = c.verdict == ClaimVerdict::Refuted || c.verdict == ClaimVerdict::Failed;
        t.rows.push_back({{QStringLiteral("%1\n%2 → %3").arg(c.name, c.baseline, c.candidate)},
                          {QStringLiteral("%1% ± %2%").arg(c.expectedImprovementPct).arg(c.tolerancePct)},
                          {c.improvementPct ? percent(*c.improvementPct, true) : QStringLiteral("–"), color, bad},
                          {c.improvementPct ? QStringLiteral("%1 – %2").arg(percent(c.ci95Pct.low, true),
                                                                            percent(c.ci95Pct.high, true))
                                            : QStringLiteral("–")},
                          {withNote(claimVerdictName(c.verdict), c.note), color, bad}});
    }
    return t;
}

TableBlock summaryTable(const RunResult& run)
{
    const bool baselines =
        std::any_of(run.results.begin(), run.results.end(), [](const Result& r) { return r.baseline.has_value(); });
    TableBlock t;
    t.columns = {stretch(QStringLiteral("Workload")), text(QStringLiteral("Status")),
                 number(QStringLiteral("Median")),    number(QStringLiteral("95% CI of median")),
                 number(QStringLiteral("CV")),        number(QStringLiteral("Peak RSS"))};
    if (baselines)
        t.columns.insert(t.columns.end(), {number(QStringLiteral("Change")), text(QStringLiteral("Verdict"))});
    for (const Result& r : run.results) {
        const bool ok = r.status == Status::Ok && !r.samples.empty();
        const stats::Summary& s = r.summary;
        std::vector<TableCell> row{
            {r.info.id},
            statusCell(r),
            {ok ? formatMeasure(s.median, r.info.unit) : QStringLiteral("–")},
            {ok ? QStringLiteral("%1 – %2").arg(formatMeasure(s.ci95.low, r.info.unit),
                                                formatMeasure(s.ci95.high, r.info.unit))
                : QStringLiteral("–")},
            {ok ? percent(s.cv * 100, false) : QStringLiteral("–")},
            {r.peakRssBytes > 0 ? formatBytes(double(r.peakRssBytes)) : QStringLiteral("–")},
        };
        if (baselines) {
            row.push_back({r.baseline ? r.baseline->judgedChangeText() : QStringLiteral("–"), colorOf(r.baseline)});
            row.push_back(
                {verdictText(r), colorOf(r.baseline), r.baseline && r.baseline->verdict == ChangeVerdict::Regressed});
        } else if (r.stability.unstable) {
            row.front().text += QStringLiteral(" ⚠ unstable");
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

TableBlock verdictsTable(const RunResult& run)
{
    TableBlock t;
    t.columns = {text(QStringLiteral("Workload")), text(QStringLiteral("Verdict")), stretch(QStringLiteral("Why"))};
    for (const Result& r : run.results) {
        if (!r.baseline && !r.stability.unstable)
            continue;
        QString why =
            r.baseline ? QStringLiteral("against %1: %2").arg(r.baseline->name, r.baseline->reasons()) : QString();
        if (r.stability.unstable)
            why += (why.isEmpty() ? QString() : QStringLiteral("; ")) + describeShift(r.stability);
        t.rows.push_back({{r.info.id}, {verdictText(r), colorOf(r.baseline)}, {why}});
    }
    return t;
}

TableBlock failuresTable(const RunResult& run)
{
    TableBlock t;
    t.columns = {text(QStringLiteral("Workload")), text(QStringLiteral("Status")), stretch(QStringLiteral("Error"))};
    for (const Result& r : run.results)
        if (r.status != Status::Ok)
            t.rows.push_back({{r.info.id}, statusCell(r), {r.error.isEmpty() ? QStringLiteral("–") : r.error}});
    return t;
}

TableBlock descriptionsTable(std::span<const Result* const> results)
{
    TableBlock t;
    t.columns = {text(QStringLiteral("Workload")), stretch(QStringLiteral("What it measures"))};
    for (const Result* r : results)
        t.rows.push_back({{charts::shortId(r->info)}, {r->info.description}});
    return t;
}

TableBlock statisticsTable(std::span<const Result* const> results)
{
    TableBlock t;
    t.columns = {stretch(QStringLiteral("Workload")), number(QStringLiteral("Samples")),
                 number(QStringLiteral("Mean")),      number(QStringLiteral("Std dev")),
                 number(QStringLiteral("Min")),       number(QStringLiteral("p90")),
                 number(QStringLiteral("p99")),       number(QStringLiteral("Max")),
                 number(QStringLiteral("Outliers")),  number(QStringLiteral("Throughput"))};
    for (const Result* r : results) {
        const stats::Summary& s = r->summary;
        if (r->status != Status::Ok || r->samples.empty()) {
            std::vector<TableCell> row{{charts::shortId(r->info)}, statusCell(*r)};
            row.resize(t.columns.size(), TableCell{QStringLiteral("–")});
            t.rows.push_back(std::move(row));
            continue;
        }
        t.rows.push_back({{charts::shortId(r->info)},
                          {QString::number(r->samples.size())},
                          {formatMeasure(s.mean, r->info.unit)},
                          {formatMeasure(s.stddev, r->info.unit)},
                          {formatMeasure(s.min, r->info.unit)},
                          {formatMeasure(s.p90, r->info.unit)},
                          {formatMeasure(s.p99, r->info.unit)},
                          {formatMeasure(s.max, r->info.unit)},
                          {outliers(s.outliers)},
                          {throughput(r->throughputPerS, r->info.operation)}});
    }
    return t;
}

TableBlock pairsTable(std::span<const PairRatio> pairs)
{
    TableBlock t;
    t.columns = {stretch(QStringLiteral("Old way → new way")),
                 number(QStringLiteral("Old median")),
                 number(QStringLiteral("New median")),
                 number(QStringLiteral("New / old")),
                 number(QStringLiteral("95% CI")),
                 number(QStringLiteral("Time saved"))};
    for (const PairRatio& p : pairs) {
        const qsizetype stem = p.name.size() + 1;
        const QString saved = percent((1 - p.ratio) * 100, true);
        // Saved time is good news only when the whole interval says so.
        const QColor color = p.ci95.high < 1 ? Typography::good() : p.ci95.low > 1 ? Typography::bad() : QColor();
        t.rows.push_back({{QStringLiteral("%1: %2 → %3").arg(p.name, p.oldId.mid(stem), p.newId.mid(stem))},
                          {formatDuration(p.oldMedian)},
                          {formatDuration(p.newMedian)},
                          {QString::number(p.ratio, 'f', 3)},
                          {QStringLiteral("%1 – %2").arg(p.ci95.low, 0, 'f', 3).arg(p.ci95.high, 0, 'f', 3)},
                          {saved, color, color.isValid()}});
    }
    return t;
}

} // namespace crucible::report
