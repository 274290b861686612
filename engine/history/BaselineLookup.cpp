#include "BaselineLookup.h"

#include <QHash>

namespace crucible {

namespace {

bool compareWithNamedRun(RunResult& run, const HistoryStore& store, const QString& name, double threshold, QString* error)
{
    const std::optional<qint64> runId = store.baselineRun(name, error);
    if (!runId)
        return false;
    const std::optional<RunResult> baseline = store.loadRun(*runId, error);
    if (!baseline)
        return false;
    QHash<QString, const Result*> byId;
    for (const Result& r : baseline->results)
        byId.insert(r.info.id, &r);
    for (Result& r : run.results) {
        if (const Result* before = byId.value(r.info.id))
            compareWithBaseline(r, *before, name, threshold);
    }
    return true;
}

bool compareWithPreviousRuns(RunResult& run, const HistoryStore& store, double threshold, QString* error)
{
    HistoryStore::Filter filter;
    filter.suite = run.info.suiteName;
    filter.host = run.info.host;
    filter.okOnly = true;
    for (Result& r : run.results) {
        QString why;
        const std::vector<HistoryStore::StoredResult> previous = store.results(r.info.id, filter, 1, true, &why);
        if (!why.isEmpty()) {
            *error = why;
            return false;
        }
        if (!previous.empty())
            compareWithBaseline(r, previous.front().result, QStringLiteral("previous run %1").arg(previous.front().runId),
                                threshold);
    }
    return true;
}

} // namespace

bool compareWithHistory(RunResult& run, const HistoryStore& store, const QString& baselineName, double noiseThresholdPct,
                        QString* error)
{
    return baselineName.isEmpty() ? compareWithPreviousRuns(run, store, noiseThresholdPct, error)
                                  : compareWithNamedRun(run, store, baselineName, noiseThresholdPct, error);
}

} // namespace crucible
