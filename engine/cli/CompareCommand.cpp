// --compare A.json B.json: two result files (ours, Google Benchmark or hyperfine JSON) side by
// side, workload by workload, with a verdict for each.
#include "HeadlessCommands.h"

#include "Comparison.h"
#include "RunDispersion.h"
#include "export/TextReports.h"
#include "interop/BenchmarkFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <map>

namespace crucible {

namespace {

// "+3.1%", "-22.2%": one decimal, as the verdict lines under the rows write their changes.
QString signedPct(double pct)
{
    return QStringLiteral("%1%2%").arg(pct >= 0 ? QStringLiteral("+") : QString()).arg(pct, 0, 'f', 1);
}

// Whether the verdict computed an interval: not_comparable and "nothing to compare" leave the
// change as a zero-width one.
bool hasInterval(const BaselineComparison& c)
{
    return c.ci95Pct.high > c.ci95Pct.low;
}

// Up to three ids of a file, for a message that says what the file holds.
QString someIds(const RunResult& run)
{
    QStringList ids;
    for (const Result& r : run.results) {
        if (ids.size() == 3) {
            ids << QStringLiteral("…");
            break;
        }
        ids << r.info.id;
    }
    return ids.isEmpty() ? QStringLiteral("no workloads") : ids.join(QStringLiteral(", "));
}

// One workload in both files, compared.
struct ComparedRow {
    const Result* a = nullptr;
    const Result* b = nullptr;
    BaselineComparison verdict; // the verdict, over rounds (judgeChange): the change and its CI
    SampleComparison samples;   // the samples as independent values: B's median, the p-value
};

QJsonObject rowJson(const ComparedRow& row)
{
    const BaselineComparison& c = row.verdict;
    // The first seven keys are SPEC's original ones; the rest were added after (SPEC: add, never remove).
    return QJsonObject{{QStringLiteral("id"), row.a->info.id},
                       {QStringLiteral("a_median"), c.median},
                       {QStringLiteral("b_median"), row.samples.candidateMedian},
                       {QStringLiteral("change_pct"), c.changePct},
                       {QStringLiteral("p_value"), row.samples.pValue},
                       {QStringLiteral("verdict"), verdictName(c.verdict)},
                       {QStringLiteral("explanation"), c.explanation()},
                       {QStringLiteral("unit"), row.a->info.unit},
                       {QStringLiteral("judged_change_pct"), c.judgedChangePct},
                       {QStringLiteral("judged_ci95_pct"),
                        hasInterval(c) ? QJsonValue(QJsonArray{c.ci95Pct.low, c.ci95Pct.high}) : QJsonValue()}};
}

// The table: medians in the unit the run summary uses ("71.16 ms"); the change the verdict was
// judged on with its 95% CI, over rounds and against the run-to-run noise (not a bootstrap over
// samples, which takes one machine state for many and is sure of itself where the verdict is
// not: DESIGN.md "Verdicts"); the samples' p-value SPEC promises; the verdict, and under each row
// its reasons (the raw change of the medians among them when the two differ).
void printTable(const std::vector<ComparedRow>& rows)
{
    qsizetype idWidth = 44; // the run summary's column
    for (const ComparedRow& row : rows)
        idWidth = std::max(idWidth, row.a->info.id.size() + 1);
    QTextStream out(stdout);
    // Cells padded first, then one multi-argument arg(): an id holding "%2" is not a placeholder.
    const auto line = [&](const QString& id, const QString& a, const QString& b, const QString& change,
                          const QString& ci, const QString& p, const QString& verdict) {
        return QStringLiteral("%1 %2 %3 %4  %5 %6  %7\n")
            .arg(id.leftJustified(idWidth), a.rightJustified(11), b.rightJustified(11), change.rightJustified(8),
                 ci.leftJustified(20), p.rightJustified(7), verdict);
    };
    out << line(QStringLiteral("workload"), QStringLiteral("A median"), QStringLiteral("B median"),
                QStringLiteral("change"), QStringLiteral("95% CI"), QStringLiteral("p"), QStringLiteral("verdict"));
    for (const ComparedRow& row : rows) {
        const QString& unit = row.a->info.unit;
        const BaselineComparison& c = row.verdict;
        // not_comparable and "nothing to compare" compute no interval: a dash, not a false [x … x].
        const QString ci = hasInterval(c)
            ? QStringLiteral("[%1 … %2]").arg(signedPct(c.ci95Pct.low), signedPct(c.ci95Pct.high))
            : QStringLiteral("–");
        out << line(row.a->info.id, formatMeasure(row.verdict.median, unit),
                    formatMeasure(row.samples.candidateMedian, unit), signedPct(c.judgedChangePct), ci,
                    QString::number(row.samples.pValue, 'g', 3), verdictName(c.verdict));
        out << QStringLiteral("    %1\n").arg(row.verdict.explanation());
    }
}

} // namespace

int compareResultFiles(const CommandLineOptions& options)
{
    const QString& pathA = options.compareFiles.at(0);
    const QString& pathB = options.compareFiles.at(1);
    // Our results.json, Google Benchmark JSON or hyperfine JSON, told apart by content.
    const Expected<BenchmarkFile> fileA = readBenchmarkFile(pathA);
    if (!fileA)
        return stopOn(fileA.error());
    const Expected<BenchmarkFile> fileB = readBenchmarkFile(pathB);
    if (!fileB)
        return stopOn(fileB.error());
    const RunResult& a = fileA->run;
    const RunResult& b = fileB->run;

    std::map<QString, const Result*> inB;
    for (const Result& r : b.results)
        inB[r.info.id] = &r;
    // Two files hold no history: the run-to-run noise is the prior alone (NoiseModel.h).
    JudgeContext context;
    context.baselineName = pathA;
    context.noiseThresholdPct = options.noiseThresholdPct;
    context.incomparable = incomparability(a.info, b.info);
    context.busyMachine = busyMachine(a.info, b.info);
    context.settingsDiffer = settingsDifference(a.info, b.info);

    std::vector<ComparedRow> rows;
    QStringList withoutSamples;
    bool anyShared = false;
    for (const Result& ra : a.results) {
        const auto it = inB.find(ra.info.id);
        if (it == inB.end())
            continue;
        anyShared = true;
        const Result& rb = *it->second;
        if (ra.samples.empty() || rb.samples.empty()) {
            withoutSamples << ra.info.id;
            continue;
        }
        ComparedRow row{&ra, &rb, judgeChange(ra, rb, context), {}};
        // The p-value printed is the samples' Mann-Whitney test, as SPEC promises (scipy's);
        // the verdict's own test, over rounds, is in its explanation.
        row.samples = compareSamples(perIterationTimes(ra.samples), perIterationTimes(rb.samples));
        rows.push_back(row);
    }
    // Two files with no workload in common are two different things, not a comparison that
    // found nothing: an input error, as a filter that selects nothing is.
    if (!anyShared)
        return stopOn(
            Error::input(QStringLiteral("--compare: no workload id is in both %1 (%2) and %3 (%4); nothing to compare")
                             .arg(pathA, someIds(a), pathB, someIds(b))));
    // Two files of many workloads are one run against another, as a run against its history is.
    std::vector<BaselineComparison> judged;
    judged.reserve(rows.size());
    for (const ComparedRow& row : rows)
        judged.push_back(row.verdict);
    context.dispersion = runDispersion(judged);
    if (context.dispersion.applied())
        for (ComparedRow& row : rows)
            row.verdict = judgeChange(*row.a, *row.b, context);
    if (!withoutSamples.isEmpty())
        std::fprintf(stderr,
                     "crucible-bench: note: not compared, no samples on one side (failed or not measured): %s\n",
                     qPrintable(withoutSamples.join(QStringLiteral(", "))));
    if (options.json) {
        QJsonArray array;
        for (const ComparedRow& row : rows)
            array.append(rowJson(row));
        std::fputs(QJsonDocument(array).toJson(QJsonDocument::Indented).constData(), stdout);
    } else {
        printTable(rows);
    }
    return ExitOk;
}

} // namespace crucible
