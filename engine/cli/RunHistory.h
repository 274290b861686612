#pragma once

#include "CommandLine.h"
#include "Expected.h"
#include "history/HistoryStore.h"
#include "history/WorkloadTrend.h"

#include <memory>

namespace crucible {

// The history side of a headless run: --db, --no-history, --baseline, --save-baseline,
// --noise-threshold and --fail-on-regression (SPEC.md "Command line").
class RunHistory {
public:
    // Opens the store and checks a --baseline name before anything is measured, so that a
    // corrupt, locked or read-only store, or a baseline that does not exist, costs no run.
    // Whatever fails here is an input error (SPEC.md: an unusable history store exits 2).
    static Expected<RunHistory> prepare(const CommandLineOptions& options);

    // Fills the results' baseline comparisons (nothing when there is no store to read).
    Expected<void> compare(RunResult& run) const;
    // The run's workloads over the earlier runs of its suite on this host, the run itself last,
    // for the PDF's "Trend over history" (nothing when there is no store to read).
    RunTrends trends(const RunResult& run) const;
    // Records the run unless --no-history, and saves it under --save-baseline's name.
    Expected<void> record(const RunResult& run);
    // How many results regressed against their baseline.
    static int regressions(const RunResult& run);

    // A few lines for the terminal: what was compared with, and every change beyond the noise.
    static QString describeComparison(const RunResult& run);

    bool recorded() const { return m_recordedRunId > 0; }
    qint64 recordedRunId() const { return m_recordedRunId; }
    QString location() const;

private:
    std::shared_ptr<HistoryStore> m_store; // shared: prepare() returns by value
    CommandLineOptions m_options;
    qint64 m_recordedRunId = 0;
};

} // namespace crucible
