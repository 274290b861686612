#pragma once

#include "Result.h"

#include <optional>
#include <span>

namespace crucible {

// The level of one workload in one run: the logarithm of its fastest time per iteration over
// all its samples. On this VM the noise only ever adds time (a slow phase of the machine, the
// other core's work, a preemption), so the fastest sample moves least: over 25 unchanged runs an
// external command's fastest time moved by 2% from run to run where the median of its rounds
// moved by 7-8%, and over 15 quick checks of `architecture` it moved least for 8 of 10 workloads
// (docs/DESIGN.md; BenchmarkTools.jl judges on the minimum for the same reason). Its standard
// error comes from resampling the replicates, the rounds: samples within a round share the
// machine's state of that moment. A result without rounds (measured in one go, imported, or
// recorded before rounds existed) is cut into contiguous blocks of samples instead.
struct Level {
    int replicates = 0; // rounds, or blocks
    double value = 0;   // ln(fastest time per iteration); relative: less ln(fastest reference)
    double se = 0;      // its standard error (bootstrap over the replicates)
};

// A result's level in raw time and, where every round measured the machine-speed reference,
// in time relative to the reference.
struct RunLevels {
    std::optional<Level> time;
    std::optional<Level> relative;
};
RunLevels levelsOf(const Result& result);

// How much a workload's level moves from run to run on this host, learnt from its history.
struct RunToRunNoise {
    double sd = 0;        // between-run standard deviation of the level (ln units)
    double dof = 0;       // degrees of freedom of that estimate (prior's included)
    int historyRuns = 0;  // earlier runs it was learnt from (0: the prior alone)
    double historySd = 0; // what the history alone said (0 with fewer than 2 runs)
    double typicalSe = 0; // typicalSe(history)
};

// Prior for the run-to-run noise before a history says better: worth kPriorDof degrees of
// freedom, at the larger of kPriorSeFactor times either run's standard error and
// kPriorFloorPct. Replayed over 25 unchanged runs of commands, a run's level moved from run to
// run by about twice its own standard error. See docs/DESIGN.md "Verdicts" for the
// measurements behind all three.
inline constexpr double kPriorDof = 2.0;
inline constexpr double kPriorSeFactor = 2.0;
inline constexpr double kPriorFloorPct = 2.0;

// A step between two successive runs of a history this many times the others' RMS step is a
// real change (an earlier regression or fix), not noise.
inline constexpr double kStepFactor = 4.0;

// A run further than this many robust standard deviations from the median of its stretch of
// history counts as this far when the run-to-run variance is learnt (a Huber-type clip).
inline constexpr double kClipAt = 2.0;

// Where `history` (newest first) had a real change: the index of the first run before it. With
// at least five runs, a step between two successive runs kStepFactor times the RMS of the other
// steps is one; fewer runs cannot tell a change from noise.
std::optional<std::size_t> realStep(std::span<const Level> history);

// The runs of `history` (newest first) that share the level of history[index]: those of its
// stretch (split at realStep) within kClipAt robust sds (at least kPriorFloorPct) of the
// stretch's median. Empty when history[index] itself lies further out (a run caught whole in a
// slow state, or the first run after a real change), or the stretch has fewer than three runs:
// then that run stands alone.
std::vector<std::size_t> steadyWindow(std::span<const Level> history, std::size_t index);

// The standard error a run of this workload typically has: the RMS of the history's runs' own
// standard errors (0 without history).
double typicalSe(std::span<const Level> history);

// `history`: the workload's levels in earlier runs on this host, newest first, the baseline's
// run among them. The run-to-run variance is the pooled variance of the levels around their
// medians within the stretches on either side of a real change (realStep), each run's distance
// clipped at kClipAt robust sds; that is pooled with the prior (kPriorDof degrees of freedom at
// `priorSd`). It includes the runs' own errors: it is the variance of one run's level.
RunToRunNoise runToRunNoise(std::span<const Level> history, double priorSd);

} // namespace crucible
