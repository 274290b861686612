#include "HeadlessCommands.h"

#include "SuiteChoice.h"
#include "cli/SuitePlan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace crucible {

void printError(const Error& error)
{
    std::fprintf(stderr, "crucible-bench: %s\n", qPrintable(error.message));
}

int stopOn(const Error& error)
{
    printError(error);
    return exitCodeFor(error.kind);
}

int listWorkloads(const CommandLineOptions& options, const WorkloadRegistry& registry)
{
    const Expected<Suite> suite = chooseSuite(options, registry);
    if (!suite)
        return stopOn(suite.error());
    const Expected<std::vector<const SuiteWorkload*>> chosen = chooseWorkloads(*suite, options.filters);
    if (!chosen)
        return stopOn(chosen.error());
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
