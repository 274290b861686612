#pragma once

#include "SuiteRunner.h"

#include <QSet>

#include <cstdio>

namespace crucible {

// The progress shown on stderr during a headless run. On a terminal: one line rewritten in
// place (workload i of n, round, id, percent, ETA), fitted to the terminal's width (the id cut
// in the middle) so that it never wraps and leaves stale lines behind. Otherwise (a CI log), and
// on a terminal too narrow for a useful live line: one plain line as each workload starts.
class TerminalProgress {
public:
    explicit TerminalProgress(std::FILE* stream);

    void workloadStarted(int index, int count, const QString& id);
    void update(const Progress& progress);
    // Clears the live line before other output is printed.
    void clear();

    // Below this many columns the live line would be mostly cut: plain lines instead.
    static constexpr int kNarrowestLiveLine = 32;

private:
    // The terminal's width when a live line is drawn, else 0.
    int liveWidth() const;

    std::FILE* m_stream;
    bool m_lineShown = false;
    QSet<QString> m_announced; // workloads whose start a log has named
};

QString formatEta(double seconds);

} // namespace crucible
