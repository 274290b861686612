#include "HeadlessCommands.h"

#include "Comparison.h"
#include "ResultsJson.h"
#include "SuiteChoice.h"
#include "interop/BenchmarkFile.h"
#include "suite/SuitePlan.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>
#include <map>

namespace crucible {

namespace {

void printError(const QString& message)
{
    std::fprintf(stderr, "crucible-bench: %s\n", qPrintable(message));
}

// Our results.json, Google Benchmark JSON or hyperfine JSON, told apart by content.
std::optional<RunResult> readResultsFile(const QString& path)
{
    QString error;
    std::optional<BenchmarkFile> file = readBenchmarkFile(path, &error);
    if (!file) {
        printError(error);
        return std::nullopt;
    }
    return std::move(file->run);
}

} // namespace

int listWorkloads(const CommandLineOptions& options, const WorkloadRegistry& registry)
{
    int exitCode = ExitOk;
    const std::optional<Suite> suite = chooseSuite(options, registry, &exitCode);
    if (!suite)
        return exitCode;
    const std::optional<std::vector<const SuiteWorkload*>> chosen = selectOrReport(*suite, options.filters);
    if (!chosen)
        return ExitUsageError;
    const std::vector<const SuiteWorkload*>& selected = *chosen;
    if (options.json) {
        QJsonArray array;
        for (const SuiteWorkload* w : selected)
            array.append(QJsonObject{{QStringLiteral("id"), w->info.id},
                                     {QStringLiteral("category"), categoryName(w->info.category)},
                                     {QStringLiteral("description"), w->info.description},
                                     {QStringLiteral("unit"), w->info.unit},
                                     {QStringLiteral("parameters"), QJsonObject::fromVariantMap(w->info.parameters)},
                                     {QStringLiteral("paired_with"), w->info.pairedWith}});
        std::fputs(QJsonDocument(array).toJson(QJsonDocument::Indented).constData(), stdout);
        return ExitOk;
    }
    qsizetype idWidth = 2;
    for (const SuiteWorkload* w : selected)
        idWidth = std::max(idWidth, w->info.id.size());
    QTextStream out(stdout);
    for (const SuiteWorkload* w : selected)
        out << w->info.id.leftJustified(idWidth + 2) << categoryName(w->info.category).leftJustified(15)
            << w->info.description << '\n';
    return ExitOk;
}

int compareResultFiles(const CommandLineOptions& options)
{
    const std::optional<RunResult> a = readResultsFile(options.compareFiles.at(0));
    if (!a)
        return ExitUsageError;
    const std::optional<RunResult> b = readResultsFile(options.compareFiles.at(1));
    if (!b)
        return ExitUsageError;

    std::map<QString, const Result*> inB;
    for (const Result& r : b->results)
        inB[r.info.id] = &r;
    QJsonArray rows;
    int compared = 0;
    QTextStream out(stdout);
    if (!options.json)
        out << QStringLiteral("%1 %2 %3 %4 %5  %6\n")
                   .arg(QStringLiteral("workload"), -48).arg(QStringLiteral("A median"), 14)
                   .arg(QStringLiteral("B median"), 14).arg(QStringLiteral("change"), 9)
                   .arg(QStringLiteral("p"), 8).arg(QStringLiteral("verdict"));
    for (const Result& ra : a->results) {
        const auto it = inB.find(ra.info.id);
        if (it == inB.end())
            continue;
        // Two files hold no history: the run-to-run noise is the prior alone (NoiseModel.h).
        JudgeContext context;
        context.baselineName = options.compareFiles.at(0);
        context.noiseThresholdPct = options.noiseThresholdPct;
        context.incomparable = incomparability(a->info, b->info);
        context.busyMachine = busyMachine(a->info, b->info);
        context.settingsDiffer = settingsDifference(a->info, b->info);
        const Result& rb = *it->second;
        if (ra.samples.empty() || rb.samples.empty())
            continue;
        const BaselineComparison c = judgeChange(ra, rb, context);
        // The p-value printed is the samples' Mann-Whitney test, as SPEC promises (scipy's);
        // the verdict's own test, over rounds, is in its explanation.
        const std::vector<double> sa = perIterationTimes(ra.samples);
        const std::vector<double> sb = perIterationTimes(rb.samples);
        const SampleComparison samples = compareSamples(sa, sb);
        const double bMedian = samples.candidateMedian;
        ++compared;
        if (options.json) {
            rows.append(QJsonObject{{QStringLiteral("id"), ra.info.id},
                                    {QStringLiteral("a_median"), c.median},
                                    {QStringLiteral("b_median"), bMedian},
                                    {QStringLiteral("change_pct"), c.changePct},
                                    {QStringLiteral("p_value"), samples.pValue},
                                    {QStringLiteral("verdict"), verdictName(c.verdict)},
                                    {QStringLiteral("explanation"), c.explanation()}});
        } else {
            out << QStringLiteral("%1 %2 %3 %4% %5  %6\n")
                       .arg(ra.info.id, -48).arg(c.median, 14, 'g', 6).arg(bMedian, 14, 'g', 6)
                       .arg(c.changePct, 8, 'f', 2).arg(samples.pValue, 8, 'g', 3).arg(verdictName(c.verdict));
            out << QStringLiteral("    %1\n").arg(c.explanation());
        }
    }
    if (compared == 0)
        printError(QStringLiteral("note: no workload id is in both '%1' and '%2'")
                       .arg(options.compareFiles.at(0), options.compareFiles.at(1)));
    if (options.json) {
        out.flush();
        std::fputs(QJsonDocument(rows).toJson(QJsonDocument::Indented).constData(), stdout);
    }
    return ExitOk;
}

int runCommandLine(const CommandLineOptions& options, const WorkloadRegistry& registry, const ExternalReports& reports)
{
    if (!options.compareFiles.isEmpty())
        return compareResultFiles(options);
    if (!options.importFile.isEmpty())
        return importBenchmarkFile(options);
    if (options.list)
        return listWorkloads(options, registry);
    return runSuiteHeadless(options, registry, reports);
}

} // namespace crucible
