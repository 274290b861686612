#include "SuiteChoice.h"

#include "cli/CommandSuite.h"
#include "cli/SuitePlan.h"

#include <cstdio>

namespace crucible {

Expected<Suite> chooseSuite(const CommandLineOptions& options, const WorkloadRegistry& registry)
{
    if (options.commands.given())
        return commandLineSuite(options.commands);
    LoadedSuite loaded = loadSuite(options.suiteFile, registry);
    if (!loaded.notice.isEmpty())
        std::fprintf(stderr, "crucible-bench: %s\n", qPrintable(loaded.notice));
    if (!loaded.suite)
        return Error{loaded.inputError ? ErrorKind::Input : ErrorKind::Internal, loaded.error};
    return std::move(*loaded.suite);
}

Expected<std::vector<const SuiteWorkload*>> chooseWorkloads(const Suite& suite, const QStringList& filters)
{
    std::vector<const SuiteWorkload*> selected = selectSuiteWorkloads(suite, filters);
    if (selected.empty())
        return Error::usage(QStringLiteral("no workload matches %1 (see --list)").arg(filters.join(QLatin1Char(' '))));
    return selected;
}

} // namespace crucible
