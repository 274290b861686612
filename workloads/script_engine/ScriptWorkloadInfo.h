#pragma once

#include "Workload.h"


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

// A whole-number parameter of a suite's `params`, or `fallback` when absent. Throws
// std::invalid_argument naming the key unless it is a whole number in [1, max]: the suite
// loader reports that as an input error before anything runs.
int countParameter(const QVariantMap& parameters, const char* key, int fallback, int max);

// `info` with `parameters[key]` set to the value the workload runs with.
inline WorkloadInfo withParameter(WorkloadInfo info, const char* key, int value)
{
    info.parameters[QLatin1String(key)] = value;
    return info;
}

} // namespace crucible::workloads::script_engine
