#include "HeadlessCommands.h"

#include "SuiteChoice.h"
#include "cli/SuitePlan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace crucible {

int listWorkloads(const CommandLineOptions& options, const WorkloadRegistry& registry)
{
    const std::variant<Suite, Refusal> choice = chooseSuite(options, registry);
    if (const Refusal* refusal = std::get_if<Refusal>(&choice))
        return exitCodeFor({.refusal = *refusal});
    const std::optional<std::vector<const SuiteWorkload*>> chosen =
        selectOrReport(std::get<Suite>(choice), options.filters);
    if (!chosen)
        return exitCodeFor({.refusal = Refusal::InputError});
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
