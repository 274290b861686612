#pragma once

#include "CommandRunner.h"
#include "MeasurementSettings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <stop_token>

// Running a Google Benchmark executable (any program built with BENCHMARK_MAIN() or
// benchmark::Initialize) through runCommand(): listing its benchmarks and the flags of a
// measured run. `executable` is a CommandSpec whose argv is the program and the suite entry's
// extra arguments; the flags here are appended after them, so they win over the same flags
// given in `args`.
namespace crucible::gbench {

// The benchmark names the executable lists for `filter` (its --benchmark_filter regex; empty
// means all), in its order. On failure, or when it lists none, `error` says why, with what the
// executable printed on stderr ("Failed to match any benchmarks against regex: ...").
struct Listing {
    QStringList names;
    QString error;
    bool ran = false; // it ran and exited 0: an empty list means the filter matched nothing
};
Listing listBenchmarks(const CommandSpec& executable, const QString& filter);

// A --benchmark_filter regex that selects exactly `name`: anchored, with the characters that
// are special in a POSIX extended regex (Google Benchmark's syntax) escaped.
QString exactFilter(const QString& name);

// The flags that run benchmark `name` for `settings`: one repetition per sample, each for
// measurement time / sample count (--benchmark_min_time, plain seconds), the warm-up time as
// --benchmark_min_warmup_time, every repetition reported, and the JSON written to `jsonPath`.
QStringList runFlags(const QString& name, const MeasurementSettings& settings, const QString& jsonPath);

// One execution with stderr kept, and stdout too if asked (in temporary files, so that a
// chatty benchmark never blocks on a full pipe). A measured run discards stdout: its JSON goes
// to its own file, and what the benchmark prints costs it nothing.
enum class Stdout { Keep, Discard };
struct CapturedRun {
    CommandOutcome outcome;
    QByteArray out;
    QByteArray err;
};
CapturedRun runCaptured(CommandSpec spec, Stdout stdoutMode, std::stop_token stop = {});

// The last line a failed execution printed on stderr (where Google Benchmark and the C++
// runtime put their complaints; the context lines come first), for an error message; empty
// when it printed nothing.
QString lastErrorLine(const QByteArray& err);

} // namespace crucible::gbench
