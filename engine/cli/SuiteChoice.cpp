#include "SuiteChoice.h"

#include "cli/SuitePlan.h"

#include <cstdio>

namespace crucible {

std::variant<Suite, Refusal> chooseSuite(const CommandLineOptions& options, const WorkloadRegistry& registry)
{
    LoadedSuite loaded = loadSuite(options.suiteFile, registry);
    if (!loaded.notice.isEmpty())
        std::fprintf(stderr, "crucible-bench: %s\n", qPrintable(loaded.notice));
    if (!loaded.suite) {
        std::fprintf(stderr, "crucible-bench: %s\n", qPrintable(loaded.error));
        return loaded.inputError ? Refusal::InputError : Refusal::InternalError;
    }
    return std::move(*loaded.suite);
}

std::optional<std::vector<const SuiteWorkload*>> selectOrReport(const Suite& suite, const QStringList& filters)
{
    std::vector<const SuiteWorkload*> selected = selectSuiteWorkloads(suite, filters);
    if (selected.empty()) {
        std::fprintf(stderr, "crucible-bench: no workload matches %s (see --list)\n",
                     qPrintable(filters.join(QLatin1Char(' '))));
        return std::nullopt;
    }
    return selected;
}

} // namespace crucible
