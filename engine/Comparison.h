#pragma once

#include "NoiseModel.h"
#include "Result.h"
#include "Statistics.h"

#include <QString>

#include <span>

namespace crucible {

// Two sets of samples taken as independent values: the medians, the change of medians with a
// bootstrap 95% CI of it and the two-sided Mann-Whitney p-value. This is what the samples alone
// say; it knows nothing of the run-to-run noise, so no verdict is drawn from it (judgeChange).
struct SampleComparison {
    double baselineMedian = 0;
    double candidateMedian = 0;
    double changePct = 0;    // (candidate / baseline - 1) * 100 on medians
    stats::Interval ci95Pct; // bootstrap 95% CI of that change
    double pValue = 1;       // Mann-Whitney U, two-sided
};
SampleComparison compareSamples(std::span<const double> baseline, std::span<const double> candidate);

inline constexpr double kDefaultNoiseThresholdPct = 2.0;
// A verdict of a change needs p below this. Strict, as Chromium's Pinpoint (0.001) is: a run
// compares every workload of a suite, and a false alarm costs more than a late true one.
inline constexpr double kSignificanceLevel = 0.01;

// What a verdict needs beside the two results.
struct JudgeContext {
    QString baselineName; // "previous run 12", or a named baseline
    double noiseThresholdPct = kDefaultNoiseThresholdPct;
    // The workload's results in earlier runs on this host (newest first, the baseline's run
    // among them; ok results with samples), to learn its run-to-run noise from.
    std::vector<Result> history;
    // The baseline's place in `history`, when its run is among them: its level is then taken
    // over the steady runs around it (NoiseModel.h steadyWindow), not from its run alone.
    std::optional<std::size_t> baselineInHistory;
    // Non-empty when the two runs cannot be compared (different hosts or CPU models): why.
    QString incomparable;
    // Non-empty when other processes competed for the CPUs during either run: why. On two
    // cores such a run moved multi-threaded and memory-bound workloads by 50-300%.
    QString busyMachine;
    // Non-empty when the two runs were measured with different settings (samples, times,
    // rounds, build type): what differs, baseline first. The verdict stands, marked with it.
    QString settingsDiffer;
    // The candidate's run read as dispersed (engine/RunDispersion.h): every variance is
    // multiplied by its factor.
    RunDispersion dispersion;
};

// The verdict of `candidate` against `baseline` (docs/DESIGN.md "Verdicts"). Each run's level
// is its fastest time per iteration (NoiseModel.h); the baseline's level is taken over the steady
// runs around it in the history when there are some (steadyWindow). The change of levels is
// tested with Student's t against the workload's run-to-run variance (from its history, pooled
// with a prior) times 1 + 1/(runs the baseline's level was taken over), plus the candidate's
// standard error beyond the history's typical one. `regressed` / `improved` when
// p < kSignificanceLevel and the whole 95% CI lies beyond the noise threshold; `unchanged` when
// the CI lies within ±threshold, or p is not small and the change is within it; else
// `inconclusive`. A change on either side with a level shift inside its samples is `unstable`
// instead, and runs on different hosts or CPU models are `not_comparable`. The change is judged
// on the raw time, or on the time relative to the machine-speed reference where both runs
// measured it and the history shows it clearly steadier. While other processes competed for
// the CPUs (context.busyMachine) a would-be change of a CPU-bound workload (CPU time at least
// half its wall time) is `inconclusive`; of one that mostly waits, the rule adds a caution.
BaselineComparison judgeChange(const Result& baseline, const Result& candidate, const JudgeContext& context);

// Why runs with these infos cannot be compared (different host or CPU model), or empty.
QString incomparability(const RunInfo& baseline, const RunInfo& candidate);
// Why a change between these runs cannot be trusted because the machine was shared (the run
// environment's load_during_run warning on either side), or empty.
QString busyMachine(const RunInfo& baseline, const RunInfo& candidate);

// What differs between the measurement settings of the two runs, "samples 5 → 100, quick check
// → full length", or empty. Settings a side does not know (an imported run has no sample count
// of ours) are not compared.
QString settingsDifference(const RunInfo& baseline, const RunInfo& candidate);

// Fills `candidate.baseline` with judgeChange(). Leaves it empty when either side has no samples
// or did not finish ok.
void compareWithBaseline(Result& candidate, const Result& baseline, const JudgeContext& context);

// The one line a run none of whose workloads had anything to compare with (the first run of a
// suite on a host) shows where its verdicts would be, in the terminal and in the window alike:
// that there is nothing to compare with yet, and how to keep a baseline, `howToSave` saying it
// in the face's own terms ("run with --save-baseline NAME").
QString nothingToCompareYet(const QString& howToSave);

} // namespace crucible
