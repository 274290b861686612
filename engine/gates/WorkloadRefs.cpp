#include "WorkloadRefs.h"

namespace crucible::gates {

QStringList workloadsNamedBy(const Suite& suite, const QString& ref)
{
    QStringList ids;
    for (const SuiteWorkload& w : suite.workloads)
        if (w.info.id == ref || w.baseId == ref)
            ids << w.info.id;
    if (ids.isEmpty())
        ids << ref;
    return ids;
}

const Result* findResult(const RunResult& run, const QString& id)
{
    for (const Result& r : run.results)
        if (r.info.id == id)
            return &r;
    return nullptr;
}

QString notInRunNote(const RunResult& run)
{
    return run.cancelled ? QStringLiteral("not measured: not selected, or the run was stopped before it")
                         : QStringLiteral("not selected in this run");
}

QString unusableResultNote(const Result& result)
{
    if (result.status != Status::Ok) {
        const QString what = result.status == Status::Timeout ? QStringLiteral("timed out")
                                                              : statusName(result.status); // failed, crashed
        return result.error.isEmpty() ? QStringLiteral("the workload %1").arg(what)
                                      : QStringLiteral("the workload %1: %2").arg(what, result.error);
    }
    if (result.samples.empty())
        return QStringLiteral("the workload took no samples");
    return {};
}

} // namespace crucible::gates
