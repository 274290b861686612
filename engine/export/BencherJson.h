#pragma once

#include "Result.h"

#include <QByteArray>

namespace crucible {

// bmf.json (--format bmf): the run in Bencher Metric Format, the JSON that Bencher's `json`
// adapter reads (`bencher run --adapter json --file bmf.json`): an object whose keys are the
// benchmarks (our workload ids), each an object of measures, each {value, lower_value,
// upper_value}. A timed workload gives Bencher's built-in measures `latency` (ns per iteration:
// the median, its 95% interval as the bounds) and `throughput` (operations per second at the
// median); a workload measured in another unit gives a measure named after it (`bytes`, the
// median and its interval). Workloads that did not finish or took no samples are left out:
// Bencher has no way to say so, and a value of 0 would read as a result. SPEC.md "bmf.json".
QByteArray bencherMetricJson(const RunResult& run);

} // namespace crucible
