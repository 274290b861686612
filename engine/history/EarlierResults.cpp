#include "EarlierResults.h"

#include "RunDispersion.h"

namespace crucible {

namespace {

bool namedBaseline(EarlierResults& earlier, const HistoryStore& store, const QString& workloadId, const QString& name,
                   QString* error)
{
    const std::optional<qint64> runId = store.baselineRun(name, error);
    if (!runId)
        return false;
    HistoryStore::Filter upTo;
    upTo.beforeRun = *runId + 1;
    QString why;
    std::vector<HistoryStore::StoredResult> found = store.results(workloadId, upTo, 1, true, &why);
    if (!why.isEmpty()) {
        *error = why;
        return false;
    }
    // The newest result up to the baseline's run may be from an older run that had the
    // workload when the baseline's run did not: then there is nothing to compare with.
    if (!found.empty() && found.front().runId == *runId && found.front().result.status == Status::Ok) {
        earlier.baseline = std::move(found.front());
        earlier.baselineName = name;
        earlier.baselineRun = store.runInfo(*runId, error);
        if (!earlier.baselineRun)
            return false;
    }
    return true;
}

} // namespace

EarlierResults loadEarlierResults(const HistoryStore& store, const QString& workloadId,
                                  const HistoryStore::Filter& scope, const BaselineChoice& choice, int recentCount,
                                  QString* error)
{
    EarlierResults earlier;
    earlier.workloadId = workloadId;
    if (choice.kind == BaselineChoice::Kind::Named && !namedBaseline(earlier, store, workloadId, choice.name, error))
        return earlier;
    HistoryStore::Filter ok = scope;
    ok.okOnly = true;
    const bool needPrevious = choice.kind == BaselineChoice::Kind::PreviousRun;
    // One more than the overlays, in case the baseline is among them, and the verdict's history.
    const int fetch = std::max(std::max(recentCount, 0) + 1, kVerdictHistoryRuns);
    QString why;
    std::vector<HistoryStore::StoredResult> latest = store.results(workloadId, ok, fetch, true, &why);
    if (!why.isEmpty()) {
        *error = why;
        return earlier;
    }
    if (needPrevious && !latest.empty()) {
        earlier.baseline = latest.front();
        earlier.baselineName = QStringLiteral("previous run %1").arg(latest.front().runId);
        earlier.baselineRun = store.runInfo(latest.front().runId, error);
        if (!earlier.baselineRun)
            return earlier;
    }
    for (const HistoryStore::StoredResult& r : latest) {
        if (int(earlier.history.size()) >= kVerdictHistoryRuns)
            break;
        if (earlier.baseline && r.runId == earlier.baseline->runId)
            earlier.baselineInHistory = earlier.history.size();
        earlier.history.push_back(r.result);
    }
    for (HistoryStore::StoredResult& r : latest) {
        if (int(earlier.recent.size()) >= recentCount)
            break;
        if (!earlier.baseline || r.runId != earlier.baseline->runId)
            earlier.recent.push_back(std::move(r));
    }
    return earlier;
}

bool compareStoredRun(RunResult& run, qint64 runId, const HistoryStore& store, const BaselineChoice& choice,
                      double noiseThresholdPct, QString* error)
{
    if (choice.kind == BaselineChoice::Kind::None)
        return true;
    HistoryStore::Filter scope;
    scope.suite = run.info.suiteName;
    scope.host = run.info.host;
    scope.beforeRun = runId;
    // Each workload's baseline is kept here until the whole run is judged at once (compareRun);
    // reserved, so that the pointers to them stay valid.
    std::vector<Result> baselines;
    baselines.reserve(run.results.size());
    std::vector<PendingComparison> pending;
    for (Result& r : run.results) {
        QString why;
        const EarlierResults earlier = loadEarlierResults(store, r.info.id, scope, choice, 0, &why);
        if (!why.isEmpty()) {
            *error = why;
            return false;
        }
        if (earlier.baseline && earlier.baseline->runId != runId) {
            baselines.push_back(earlier.baseline->result);
            pending.push_back({&r, &baselines.back(), earlier.judgeContext(run.info, noiseThresholdPct)});
        }
    }
    compareRun(pending);
    return true;
}

JudgeContext EarlierResults::judgeContext(const RunInfo& candidateRun, double noiseThresholdPct) const
{
    JudgeContext context;
    context.baselineName = baselineName;
    context.noiseThresholdPct = noiseThresholdPct;
    context.history = history;
    context.baselineInHistory = baselineInHistory;
    if (baselineRun) {
        context.incomparable = incomparability(*baselineRun, candidateRun);
        context.busyMachine = busyMachine(*baselineRun, candidateRun);
        context.settingsDiffer = settingsDifference(*baselineRun, candidateRun);
    }
    return context;
}

} // namespace crucible
