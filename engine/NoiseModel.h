#pragma once

#include "Result.h"

#include <optional>
#include <span>

namespace crucible {

// The level of one workload in one run, seen at the scale where the machine's noise lives: the
// rounds. Samples within a round share the machine's state of that moment, so they are not
// independent replicates; the rounds, spread over the whole run, are (nearly). The median of
// the rounds, not their mean: a slow phase hits a few rounds hard, and the mean moved by 4-6%
// from run to run on unchanged workloads where the median moved by 1-2% (docs/DESIGN.md). A result
// without rounds (measured in one go, imported, or recorded before rounds existed) is cut into
// contiguous blocks of samples instead, which shows drift within the run the same way.
struct Level {
    int replicates = 0;  // rounds, or blocks
    double value = 0;    // median over the replicates of ln(median time per iteration)
    double se = 0;       // its standard error
    double spread = 0;   // robust sd of the replicates (1.4826 MAD): how much the machine moved
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
    double sd = 0;          // between-run standard deviation of the level (ln units)
    double dof = 0;         // degrees of freedom of that estimate (prior's included)
    int historyRuns = 0;    // earlier runs it was learnt from (0: the prior alone)
    double historySd = 0;   // what the history alone said (0 with fewer than 2 runs)
};

// Prior for the run-to-run noise before a history says better: worth kPriorDof degrees of
// freedom, at the larger of the runs' own spread across rounds and kPriorFloorPct. See
// docs/DESIGN.md "Verdicts" for the measurements behind both.
inline constexpr double kPriorDof = 2.0;
inline constexpr double kPriorFloorPct = 2.0;

// A step between two successive runs of a history this many times the others' RMS step is a
// real change (an earlier regression or fix), not noise.
inline constexpr double kStepFactor = 4.0;

// Where `history` (newest first) had a real change: the index of the first run before it. With
// at least five runs, a step between two successive runs kStepFactor times the RMS of the other
// steps is one; fewer runs cannot tell a change from noise.
std::optional<std::size_t> realStep(std::span<const Level> history);

// `history`: the workload's levels in earlier runs on this host, newest first, the baseline's
// run among them. The run-to-run variance is the pooled variance of the levels within the
// stretches on either side of a real change (realStep), less the part the runs' own standard
// errors explain; that is pooled with the prior (kPriorDof degrees of freedom at `priorSd`).
RunToRunNoise runToRunNoise(std::span<const Level> history, double priorSd);

} // namespace crucible
