#pragma once

#include "Result.h"

namespace crucible {

// Smallest level shift inside one result's samples that makes it unstable, in percent.
inline constexpr double kUnstableShiftPct = 10.0;

// Looks for a level shift inside a result's samples, in the order they were taken: the change
// points of the per-iteration times (engine/history/ChangePoints.h: binary segmentation with
// Welch's t-test, Bonferroni at 0.001, segments of at least max(3, n/8) samples, a shift of at
// least kUnstableShiftPct). Where the samples were taken in rounds with the machine-speed
// reference beside them, each time is divided by its round's reference first, so that a slow
// phase of the machine, which moves the reference too, is not taken for a shift of the
// workload. The largest step is reported (the index of the first sample after it).
Stability detectLevelShift(const Result& result);

// "level shift at sample 24 (+98.1%)": how every output names an unstable result's shift.
QString describeShift(const Stability& stability);

} // namespace crucible
