#pragma once

#include "Comparison.h"
#include "Expected.h"
#include "HistoryStore.h"

#include <optional>
#include <vector>

namespace crucible {

// What a new result is compared with: the window's baseline picker, the headless --baseline.
struct BaselineChoice {
    enum class Kind { None, PreviousRun, Named };
    Kind kind = Kind::PreviousRun;
    QString name; // of a Named baseline

    static BaselineChoice none() { return {Kind::None, {}}; }
    static BaselineChoice previousRun() { return {Kind::PreviousRun, {}}; }
    static BaselineChoice named(const QString& name) { return {Kind::Named, name}; }
};

// One workload's earlier results from the history, samples included: the baseline's, to compare
// with and to draw behind the live chart, and the latest few runs', to draw there too.
struct EarlierResults {
    QString workloadId;
    std::optional<HistoryStore::StoredResult> baseline;
    QString baselineName; // what a comparison with it is called: the baseline's name, or "previous run N"
    std::vector<HistoryStore::StoredResult> recent; // newest first, without the baseline's run
    // Where the baseline's run happened, to tell whether it compares with a new run at all.
    std::optional<RunInfo> baselineRun;
    // The workload's latest ok results in the scope, newest first, up to kVerdictHistoryRuns:
    // what a verdict learns the workload's run-to-run noise from (engine/NoiseModel.h).
    std::vector<Result> history;
    // The baseline's place in `history`, when its run is among them.
    std::optional<std::size_t> baselineInHistory;

    // What judgeChange() needs to judge a result of `candidateRun` against the baseline.
    JudgeContext judgeContext(const RunInfo& candidateRun, double noiseThresholdPct) const;
};

// Earlier runs a verdict learns the run-to-run noise from: enough for a stable estimate,
// few enough that a slow drift of the machine over weeks is forgotten.
inline constexpr int kVerdictHistoryRuns = 10;

// `scope` is the suite and host of the run being measured, and for a past run its id as
// beforeRun, so that "previous run" means the latest ok result of the workload before it. A
// named baseline is found wherever it ran (the user chose it); a name that does not exist is an
// error. At most `recentCount` recent results, ok ones only.
Expected<EarlierResults> loadEarlierResults(const HistoryStore& store, const QString& workloadId,
                                            const HistoryStore::Filter& scope, const BaselineChoice& choice,
                                            int recentCount);

// Fills the baseline comparison of each result of `run`: a run just measured and not recorded
// yet (`runId` 0), or a past run reopened from the store as run `runId` (the store keeps no
// comparisons). Against the chosen baseline, or each workload's previous ok result of the same
// suite on the same host before that run, so that a filtered run still finds each workload's
// last measurement. Fails only when the store fails or a named baseline does not exist.
Expected<void> compareStoredRun(RunResult& run, qint64 runId, const HistoryStore& store, const BaselineChoice& choice,
                                double noiseThresholdPct);

} // namespace crucible
