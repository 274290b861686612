#pragma once

#include "Result.h"

#include <QByteArray>

namespace crucible {

// summary.csv: one row per workload, columns as SPEC.md lists them.
QByteArray summaryCsv(const RunResult& run);
// samples.csv: one row per sample: id, sample index, iterations, per-iteration ns, rss bytes.
QByteArray samplesCsv(const RunResult& run);
// summary.md: a table for a pull-request comment, regressions first.
QByteArray summaryMarkdown(const RunResult& run);

// "1.23 µs", "456 ns", "2.5 s": a time in ns with a unit a reader takes in at a glance.
QString formatDuration(double ns);
// "12.3 MiB"
QString formatBytes(double bytes);
// A sample value in the workload's unit: a duration for "ns", a size for "bytes", else the
// number followed by the unit.
QString formatMeasure(double value, const QString& unit);

// A budget's measured value or limit in its metric's unit: "20.41 ms", "45.2 MiB", "1234 /s".
QString formatBudgetValue(const QString& metric, double value);
// "≤ 50 ms" or "≥ 1000 /s".
QString formatBudgetLimit(const BudgetOutcome& budget);

} // namespace crucible
