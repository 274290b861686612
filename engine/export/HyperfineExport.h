#pragma once

#include "Result.h"

#include <QByteArray>

// A run of commands in hyperfine's own export shapes (--export-json, --export-markdown,
// --export-csv; SPEC.md "Commands from the command line"), so that hyperfine's scripts and
// whatever reads hyperfine's files read ours. Times in seconds, as hyperfine writes them. A
// workload's "command" is its description: the command as run, or its --command-name (as
// hyperfine writes the name when one is given). Workloads without samples are left out.
namespace crucible::hyperfine {

// {"results": [{command, mean, stddev, median, user, system, min, max, times, memory_usage_byte,
// exit_codes, parameters}]} as hyperfine 1.x writes it: user and system are means per run,
// stddev null for a single run, exit_codes one per run, parameters only when there are some.
QByteArray exportJson(const RunResult& run);

// hyperfine's Markdown table: Command, Mean ± stddev, Min, Max in ms (s when the first
// command's mean is a second or more), Relative to the fastest mean with its propagated
// standard deviation.
QByteArray exportMarkdown(const RunResult& run);

// hyperfine's CSV: command, mean, stddev, median, user, system, min, max (seconds), then one
// parameter_NAME column per parameter of the first result.
QByteArray exportCsv(const RunResult& run);

} // namespace crucible::hyperfine
