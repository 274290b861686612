#pragma once

#include "Result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

// gbench.json (--format gbench): a run in Google Benchmark's JSON schema, so that tools made for
// Google Benchmark output (compare.py, CI dashboards) read our runs. SPEC.md "gbench.json" has
// the mapping; parseGbenchJson() reads it back.
namespace crucible {

// Facts about the machine that Google Benchmark's context block carries and RunInfo does not.
struct GbenchMachine {
    double mhzPerCpu = 0;
    bool cpuScalingEnabled = false;
    QJsonArray caches;  // [{type, level, size, num_sharing}]
    QJsonArray loadAvg; // 1, 5 and 15 minute load averages
};

// This machine's facts, read from /proc and /sys as Google Benchmark does.
GbenchMachine describeThisMachine();

// `machine` describes the host the run happened on; runs from another host (read back from
// the history) get an empty GbenchMachine rather than this machine's facts.
QJsonObject runToGbenchJson(const RunResult& run, const GbenchMachine& machine);
// runToGbenchJson with this machine's facts when the run's host is this host.
QByteArray runToGbenchJsonBytes(const RunResult& run);

} // namespace crucible
