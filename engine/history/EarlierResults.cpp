#include "EarlierResults.h"

#include "RunDispersion.h"

namespace crucible {

namespace {

Expected<void> namedBaseline(EarlierResults& earlier, const HistoryStore& store, const QString& workloadId,
                             const QString& name)
{
    const Expected<qint64> runId = store.baselineRun(name);
    if (!runId)
        return runId.error();
    HistoryStore::Filter upTo;
    upTo.beforeRun = *runId + 1;
    Expected<std::vector<HistoryStore::StoredResult>> found = store.results(workloadId, upTo, 1, true);
    if (!found)
        return found.error();
    // The newest result up to the baseline's run may be from an older run that had the
    // workload when the baseline's run did not: then there is nothing to compare with.
    if (!found->empty() && found->front().runId == *runId && found->front().result.status == Status::Ok) {
        const Expected<RunInfo> info = store.runInfo(*runId);
        if (!info)
            return info.error();
        earlier.baseline = std::move(found->front());
        earlier.baselineName = name;
        earlier.baselineRun = *info;
    }
    return {};
}

} // namespace

Expected<EarlierResults> loadEarlierResults(const HistoryStore& store, const QString& workloadId,
                                            const HistoryStore::Filter& scope, const BaselineChoice& choice,
                                            int recentCount)
{
    EarlierResults earlier;
    earlier.workloadId = workloadId;
    if (choice.kind == BaselineChoice::Kind::Named) {
        if (const Expected<void> named = namedBaseline(earlier, store, workloadId, choice.name); !named)
            return named.error();
    }
    HistoryStore::Filter ok = scope;
    ok.okOnly = true;
    const bool needPrevious = choice.kind == BaselineChoice::Kind::PreviousRun;
    // One more than the overlays, in case the baseline is among them, and the verdict's history.
    const int fetch = std::max(std::max(recentCount, 0) + 1, kVerdictHistoryRuns);
    Expected<std::vector<HistoryStore::StoredResult>> found = store.results(workloadId, ok, fetch, true);
    if (!found)
        return found.error();
    std::vector<HistoryStore::StoredResult>& latest = *found;
    if (needPrevious && !latest.empty()) {
        const Expected<RunInfo> info = store.runInfo(latest.front().runId);
        if (!info)
            return info.error();
        earlier.baseline = latest.front();
        earlier.baselineName = QStringLiteral("previous run %1").arg(latest.front().runId);
        earlier.baselineRun = *info;
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

Expected<void> compareStoredRun(RunResult& run, qint64 runId, const HistoryStore& store, const BaselineChoice& choice,
                                double noiseThresholdPct)
{
    if (choice.kind == BaselineChoice::Kind::None)
        return {};
    HistoryStore::Filter scope;
    scope.suite = run.info.suiteName;
    scope.host = run.info.host;
    scope.beforeRun = runId;
    // Each workload's baseline is kept here until the whole run is judged at once (compareRun):
    // moved, not copied; reserved, so that the pointers to them stay valid.
    std::vector<Result> baselines;
    baselines.reserve(run.results.size());
    std::vector<PendingComparison> pending;
    for (Result& r : run.results) {
        Expected<EarlierResults> earlier = loadEarlierResults(store, r.info.id, scope, choice, 0);
        if (!earlier)
            return earlier.error();
        if (earlier->baseline && earlier->baseline->runId != runId) {
            JudgeContext context = earlier->judgeContext(run.info, noiseThresholdPct);
            baselines.push_back(std::move(earlier->baseline->result));
            pending.push_back({&r, &baselines.back(), std::move(context)});
        }
    }
    compareRun(pending);
    return {};
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
