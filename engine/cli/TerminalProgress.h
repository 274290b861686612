#pragma once

#include "SuiteRunner.h"

#include <QSet>

#include <cstdio>

namespace crucible {

// The progress shown on stderr during a headless run. On a terminal: one line rewritten in
// place (workload i of n, id, percent, ETA). Otherwise (a CI log): one plain line as each
// workload starts, so logs stay readable.
class TerminalProgress {
public:
    explicit TerminalProgress(std::FILE* stream);

    void workloadStarted(int index, int count, const QString& id);
    void update(const Progress& progress);
    // Clears the live line before other output is printed.
    void clear();


private:
    std::FILE* m_stream;
    bool m_interactive;
    bool m_lineShown = false;
    QSet<QString> m_announced; // workloads whose start a log has named
};

QString formatEta(double seconds);

} // namespace crucible
