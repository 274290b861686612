#include "TextReports.h"

#include "Counted.h"
#include "Csv.h"
#include "EnvironmentText.h"
#include "MarkdownCell.h"
#include "Stability.h"

#include <algorithm>
#include <cmath>

namespace crucible {

namespace {

double changePct(const Result& r)
{
    return r.baseline ? r.baseline->changePct : std::nan("");
}

double pValue(const Result& r)
{
    return r.baseline ? r.baseline->pValue : std::nan("");
}

QString verdict(const Result& r)
{
    return r.baseline ? verdictName(r.baseline->verdict) : QString();
}

bool hasVerdict(const Result& r, ChangeVerdict v)
{
    return r.baseline && r.baseline->verdict == v;
}

// Order for reviewers: regressions first, then failures, then everything else as run.
int reviewRank(const Result& r)
{
    if (hasVerdict(r, ChangeVerdict::Regressed))
        return 0;
    if (r.status != Status::Ok)
        return 1;
    if (hasVerdict(r, ChangeVerdict::Improved))
        return 2;
    return 3;
}

// The round a sample was taken in, and the reference measured before it; -1 and 0 outside
// rounds.
std::pair<int, double> roundOfSample(const Result& r, std::size_t sample)
{
    for (const RoundSlice& slice : r.rounds)
        if (int(sample) >= slice.firstSample && int(sample) < slice.firstSample + slice.sampleCount)
            return {slice.round, slice.referenceNs};
    return {-1, 0.0};
}

QString stabilityCell(const Result& r)
{
    return r.stability.unstable ? QStringLiteral("⚠ unstable: ") + describeShift(r.stability) : QString();
}

// One line per verdict: what changed, against what noise, by which rule.
QString verdictsMarkdown(const std::vector<const Result*>& ordered)
{
    QString md;
    for (const Result* r : ordered)
        if (r->baseline)
            md += QStringLiteral("- `%1` against %2: %3\n")
                      .arg(markdownCell(r->info.id), markdownCell(r->baseline->name),
                           markdownCell(r->baseline->explanation()));
    return md.isEmpty() ? md : QStringLiteral("\n### Verdicts\n\n") + md;
}

// The machine-speed reference over the run: how much the machine itself moved.
QString referenceMarkdown(const RunInfo& info)
{
    if (info.reference.empty())
        return {};
    std::vector<double> ns;
    for (const ReferencePoint& p : info.reference)
        ns.push_back(p.ns);
    const double median = stats::median(ns);
    const auto [lo, hi] = std::minmax_element(ns.begin(), ns.end());
    return QStringLiteral("\n**Machine speed:** the reference kernel took %1 (median of %2 measurements, "
                          "range %3 … %4, %5% … %6% of the median) over %7 rounds.\n")
        .arg(formatDuration(median))
        .arg(ns.size())
        .arg(formatDuration(*lo), formatDuration(*hi))
        .arg(*lo / median * 100, 0, 'f', 0)
        .arg(*hi / median * 100, 0, 'f', 0)
        .arg(info.rounds);
}

// Budgets needing a look first: failed, then skipped, then passed; suite order within each.
int budgetRank(const BudgetOutcome& b)
{
    return b.status == BudgetStatus::Failed ? 0 : b.status == BudgetStatus::Skipped ? 1 : 2;
}

QString budgetsMarkdown(const RunResult& run)
{
    if (run.budgets.empty())
        return {};
    std::vector<const BudgetOutcome*> ordered;
    for (const BudgetOutcome& b : run.budgets)
        ordered.push_back(&b);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const BudgetOutcome* a, const BudgetOutcome* b) { return budgetRank(*a) < budgetRank(*b); });
    int counts[3] = {};
    for (const BudgetOutcome* b : ordered)
        ++counts[budgetRank(*b)];
    QString md = QStringLiteral("\n### Budgets\n\n%1 passed, %2 failed, %3 skipped.\n\n")
                     .arg(counts[2])
                     .arg(counts[0])
                     .arg(counts[1]);
    md += QStringLiteral("| workload | metric | measured | limit | result |\n|---|---|--:|--:|---|\n");
    for (const BudgetOutcome* b : ordered) {
        QString result = budgetStatusName(b->status);
        if (b->status == BudgetStatus::Failed)
            result = QStringLiteral("**failed**");
        if (!b->note.isEmpty())
            result += QStringLiteral(": ") + markdownCell(b->note);
        md += QStringLiteral("| `%1` | %2 | %3 | %4 | %5 |\n")
                  .arg(markdownCell(b->workload), b->metric,
                       b->measured ? formatBudgetValue(b->metric, *b->measured) : QStringLiteral("–"),
                       formatBudgetLimit(*b), result);
    }
    return md;
}

QString claimsMarkdown(const RunResult& run)
{
    if (run.claims.empty())
        return {};
    QString md = QStringLiteral(
        "\n### Claims\n\nImprovement = 1 − candidate / baseline on the medians, with a bootstrap 95% CI.\n\n");
    md += QStringLiteral(
        "| claim | baseline → candidate | expected | measured | 95% CI | verdict |\n|---|---|--:|--:|--:|---|\n");
    for (const ClaimOutcome& c : run.claims) {
        QString verdict = claimVerdictName(c.verdict);
        if (c.verdict == ClaimVerdict::Refuted || c.verdict == ClaimVerdict::Failed)
            verdict = QStringLiteral("**%1**").arg(verdict);
        if (!c.note.isEmpty())
            verdict += QStringLiteral(": ") + markdownCell(c.note);
        const QString measured =
            c.improvementPct ? QStringLiteral("%1%").arg(*c.improvementPct, 0, 'f', 1) : QStringLiteral("–");
        const QString ci = c.improvementPct
            ? QStringLiteral("%1% – %2%").arg(c.ci95Pct.low, 0, 'f', 1).arg(c.ci95Pct.high, 0, 'f', 1)
            : QStringLiteral("–");
        md +=
            QStringLiteral("| %1 | `%2` → `%3` | %4% ± %5% | %6 | %7 | %8 |\n")
                .arg(markdownCell(c.name), markdownCell(c.baseline), markdownCell(c.candidate),
                     QString::number(c.expectedImprovementPct), QString::number(c.tolerancePct), measured, ci, verdict);
    }
    return md;
}

} // namespace

QByteArray summaryCsv(const RunResult& run)
{
    using namespace csv;
    QString out = record({QStringLiteral("id"),
                          QStringLiteral("category"),
                          QStringLiteral("status"),
                          QStringLiteral("samples"),
                          QStringLiteral("mean"),
                          QStringLiteral("median"),
                          QStringLiteral("stddev"),
                          QStringLiteral("min"),
                          QStringLiteral("max"),
                          QStringLiteral("p90"),
                          QStringLiteral("p99"),
                          QStringLiteral("ci95_low"),
                          QStringLiteral("ci95_high"),
                          QStringLiteral("unit"),
                          QStringLiteral("peak_rss_bytes"),
                          QStringLiteral("change_pct"),
                          QStringLiteral("p_value"),
                          QStringLiteral("verdict"),
                          QStringLiteral("judged_change_pct"),
                          QStringLiteral("basis"),
                          QStringLiteral("noise_pct"),
                          QStringLiteral("unstable_at_sample"),
                          QStringLiteral("explanation")});
    for (const Result& r : run.results) {
        const stats::Summary& s = r.summary;
        // A workload without samples has no statistics: empty cells, not zeros.
        const auto stat = [&](double v) { return r.samples.empty() ? QString() : numberField(v); };
        out += record({textField(r.info.id),
                       textField(categoryName(r.info.category)),
                       textField(statusName(r.status)),
                       integerField(qint64(r.samples.size())),
                       stat(s.mean),
                       stat(s.median),
                       stat(s.stddev),
                       stat(s.min),
                       stat(s.max),
                       stat(s.p90),
                       stat(s.p99),
                       stat(s.ci95.low),
                       stat(s.ci95.high),
                       textField(r.info.unit),
                       integerField(r.peakRssBytes),
                       numberField(changePct(r)),
                       numberField(pValue(r)),
                       textField(verdict(r)),
                       numberField(r.baseline ? r.baseline->judgedChangePct : std::nan("")),
                       textField(r.baseline ? basisName(r.baseline->basis) : QString()),
                       numberField(r.baseline ? r.baseline->noisePct : std::nan("")),
                       r.stability.unstable ? integerField(r.stability.shiftIndex) : QString(),
                       textField(r.baseline ? r.baseline->explanation() : QString())});
    }
    return out.toUtf8();
}

QByteArray samplesCsv(const RunResult& run)
{
    using namespace csv;
    QString out = record({QStringLiteral("id"), QStringLiteral("sample"), QStringLiteral("iterations"),
                          QStringLiteral("time_ns"), QStringLiteral("rss_bytes"), QStringLiteral("round"),
                          QStringLiteral("reference_ns"), QStringLiteral("started_s")});
    for (const Result& r : run.results) {
        const QString id = textField(r.info.id);
        for (std::size_t i = 0; i < r.samples.size(); ++i) {
            const Sample& s = r.samples[i];
            const auto [round, reference] = roundOfSample(r, i);
            out +=
                record({id, integerField(qint64(i)), integerField(qint64(s.iterations)),
                        numberField(s.perIterationNs()), integerField(s.rssBytes),
                        round < 0 ? QString() : integerField(round), reference > 0 ? numberField(reference) : QString(),
                        s.startedNs > 0 ? numberField(s.startedNs / 1e9) : QString()});
        }
    }
    return out.toUtf8();
}

QString formatDuration(double ns)
{
    if (!std::isfinite(ns))
        return QStringLiteral("–");
    const double a = std::abs(ns);
    if (a < 1e3)
        return QString::number(ns, 'f', a < 10 ? 2 : 1) + QStringLiteral(" ns");
    if (a < 1e6)
        return QString::number(ns / 1e3, 'f', 2) + QStringLiteral(" µs");
    if (a < 1e9)
        return QString::number(ns / 1e6, 'f', 2) + QStringLiteral(" ms");
    return QString::number(ns / 1e9, 'f', 3) + QStringLiteral(" s");
}

QString formatBytes(double bytes)
{
    if (bytes >= 1024.0 * 1024 * 1024)
        return QString::number(bytes / (1024.0 * 1024 * 1024), 'f', 2) + QStringLiteral(" GiB");
    if (bytes >= 1024.0 * 1024)
        return QString::number(bytes / (1024.0 * 1024), 'f', 1) + QStringLiteral(" MiB");
    if (bytes >= 1024.0)
        return QString::number(bytes / 1024.0, 'f', 1) + QStringLiteral(" KiB");
    return QString::number(bytes, 'f', 0) + QStringLiteral(" B");
}

QString formatMeasure(double value, const QString& unit)
{
    if (unit == QLatin1String("ns"))
        return formatDuration(value);
    if (unit == QLatin1String("bytes"))
        return formatBytes(value);
    return QStringLiteral("%1 %2").arg(QString::number(value, 'g', 4), unit);
}

QByteArray summaryMarkdown(const RunResult& run)
{
    std::vector<const Result*> ordered;
    for (const Result& r : run.results)
        ordered.push_back(&r);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Result* a, const Result* b) { return reviewRank(*a) < reviewRank(*b); });

    QString md = QStringLiteral("## Crucible Bench: %1\n\n").arg(markdownCell(run.info.suiteName));
    md += QStringLiteral("%1 on %2 (%3), %4%5\n\n")
              .arg(counted(qint64(run.results.size()), QStringLiteral("workload")), markdownCell(run.info.host),
                   markdownCell(run.info.cpu), run.info.started.toString(Qt::ISODate),
                   run.info.gitCommit.isEmpty() ? QString()
                                                : QStringLiteral(", commit `%1`").arg(run.info.gitCommit.left(12)));
    if (run.cancelled)
        md += QStringLiteral("**The run was stopped before the end; only finished workloads are listed.**\n\n");
    md += QStringLiteral("| workload | status | median | 95% CI | CV | peak RSS | change | verdict |\n");
    md += QStringLiteral("|---|---|--:|--:|--:|--:|--:|---|\n");
    for (const Result* r : ordered) {
        const stats::Summary& s = r->summary;
        const bool ok = r->status == Status::Ok;
        const QString change = r->baseline ? r->baseline->judgedChangeText() : QStringLiteral("–");
        QString verdictCell = verdict(*r).isEmpty() ? QStringLiteral("–") : verdict(*r);
        if (hasVerdict(*r, ChangeVerdict::Regressed))
            verdictCell = QStringLiteral("**regressed**");
        if (r->stability.unstable)
            verdictCell += QStringLiteral(" %1").arg(stabilityCell(*r));
        const QString status =
            ok ? QStringLiteral("ok") : QStringLiteral("**%1**: %2").arg(statusName(r->status), markdownCell(r->error));
        md +=
            QStringLiteral("| `%1` | %2 | %3 | %4 – %5 | %6% | %7 | %8 | %9 |\n")
                .arg(markdownCell(r->info.id), status, ok ? formatMeasure(s.median, r->info.unit) : QStringLiteral("–"),
                     ok ? formatMeasure(s.ci95.low, r->info.unit) : QStringLiteral("–"),
                     ok ? formatMeasure(s.ci95.high, r->info.unit) : QStringLiteral("–"),
                     QString::number(s.cv * 100, 'f', 1), formatBytes(double(r->peakRssBytes)), change, verdictCell);
    }
    md += referenceMarkdown(run.info);
    md += verdictsMarkdown(ordered);
    md += budgetsMarkdown(run);
    md += claimsMarkdown(run);
    md += environmentMarkdown(run.info.environment);
    return md.toUtf8();
}

QString formatBudgetValue(const QString& metric, double value)
{
    // Three or four significant digits, never an exponent: a limit of 50 reads as "50.00 ms".
    const double a = std::abs(value);
    QString number = a >= 100 ? QString::number(value, 'f', a >= 1000 ? 0 : 1)
        : a >= 1              ? QString::number(value, 'f', 2)
                              : QString::number(value, 'g', 3);
    if (metric.endsWith(QLatin1String("_ms")))
        return number + QStringLiteral(" ms");
    if (metric.endsWith(QLatin1String("_mb")))
        return number + QStringLiteral(" MiB");
    if (metric == QLatin1String("throughput_per_s"))
        return number + QStringLiteral(" /s");
    return number;
}

QString formatBudgetLimit(const BudgetOutcome& b)
{
    if (b.max)
        return QStringLiteral("≤ ") + formatBudgetValue(b.metric, *b.max);
    if (b.min)
        return QStringLiteral("≥ ") + formatBudgetValue(b.metric, *b.min);
    return QStringLiteral("–");
}

} // namespace crucible
