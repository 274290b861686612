#pragma once

#include "Comparison.h"
#include "HistoryStore.h"

namespace crucible {

// Fills each result's `baseline` from the history: against the run saved as `baselineName`, or,
// when that is empty, against the same workload's latest ok result from an earlier run of the
// same suite on this host (a filtered run still finds each workload's last measurement).
// Returns false only when the store fails; a workload with nothing to compare keeps no baseline.
bool compareWithHistory(RunResult& run, const HistoryStore& store, const QString& baselineName,
                        double noiseThresholdPct, QString* error);

} // namespace crucible
