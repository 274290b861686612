#pragma once

#include "Comparison.h"
#include "Result.h"

#include <span>

namespace crucible {

// RunDispersion (Result.h): how much wider than their noise one run's changes spread.

// Fewer comparisons than this say too little about a median (of 5 unchanged workloads, one run
// in ten reads a factor above 3 by chance).
inline constexpr int kDispersionMinWorkloads = 8;
// The factor is used only when a median this large would come by chance in fewer than this share
// of runs: most runs keep their verdicts untouched (over the 125 stored unchanged runs, 4 were
// read as dispersed, and their 9 false alarms went).
inline constexpr double kDispersionSignificance = 0.05;

// From the comparisons of one run that were tested (dof > 0): each one's two-sided p as a normal
// z, the median of z² against its value for noise that is right (0.455, chi-square with 1 dof).
RunDispersion runDispersion(std::span<const BaselineComparison> comparisons);

// One result of a run to be judged against its baseline.
struct PendingComparison {
    Result* candidate = nullptr;
    const Result* baseline = nullptr;
    JudgeContext context;
};

// Judges every comparison of one run (compareWithBaseline), then, when the run reads as
// dispersed, judges them again with that factor. Returns what was read.
RunDispersion compareRun(std::span<PendingComparison> comparisons);

} // namespace crucible
