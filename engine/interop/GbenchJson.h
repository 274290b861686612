#pragma once

#include "Expected.h"
#include "Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// Reading Google Benchmark's JSON output (--benchmark_format=json / --benchmark_out=FILE) as a
// RunResult, so that its runs can be compared, imported into the history and reported like ours.
namespace crucible {

// One Result per benchmark (grouped by run_name, id = the Google Benchmark name such as
// "BM_Sort/4096", category external). Each repetition (run_type "iteration") is one Sample:
// iterations, real_time × iterations as elapsedNs, cpu_time × iterations as cpuNs (time_unit
// converted to ns). Aggregate rows (mean, median, stddev, cv, ...) are not samples: they are
// recomputed from the repetitions. The context (date, host_name, num_cpus, mhz_per_cpu,
// library_build_type, executable) goes into RunInfo.
// An input error names the file and either the line and column (broken JSON) or the key path
// (e.g. "benchmarks[3].real_time: expected a number").
Expected<RunResult> parseGbenchJson(const QByteArray& bytes, const QString& fileName);

// Whether a parsed top-level object looks like Google Benchmark's output (a "benchmarks" or a
// "context" key, and not our "schema"), to tell it apart from our results.json and from
// hyperfine's export; parseGbenchJson then says what is wrong with it, if anything.
bool looksLikeGbenchJson(const QJsonObject& root);

} // namespace crucible
