#pragma once

#include "Parameters.h"
#include "Workload.h"

#include <utility>

// Helpers shared by the script_engine workloads.
namespace crucible::workloads::script_engine {

// The info of one workload: id "script_engine.<name>", time per iteration in ns.
inline WorkloadInfo scriptEngineInfo(const char* name, const char* operation, const QString& description,
                                     QVariantMap parameters = {})
{
    WorkloadInfo info = builtInInfo(Category::ScriptEngine, QLatin1String(name), QLatin1String(operation), description);
    info.parameters = std::move(parameters);
    return info;
}

// The whole-number parameter `key` of a suite's `params` over the registered `info` (which
// holds the default), in [1, max]; returns `info` with the value the workload runs with. Throws
// std::invalid_argument naming the workload and the key otherwise, from the factory, so that the
// plan builder refuses the suite before anything runs.
inline std::pair<WorkloadInfo, int> withCountParameter(const WorkloadInfo& info, const QVariantMap& parameters,
                                                       const char* key, int max)
{
    WorkloadInfo given = withParameters(info, parameters);
    const int value = int(countParameter(given, QLatin1String(key), max));
    given.parameters[QLatin1String(key)] = value;
    return {std::move(given), value};
}

} // namespace crucible::workloads::script_engine
