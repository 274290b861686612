#include "TerminalProgress.h"

#include <cmath>
#include <unistd.h>

namespace crucible {

QString formatEta(double seconds)
{
    if (seconds < 0 || !std::isfinite(seconds))
        return QStringLiteral("--:--");
    const long long s = std::llround(seconds);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

TerminalProgress::TerminalProgress(std::FILE* stream)
    : m_stream(stream), m_interactive(::isatty(::fileno(stream)) == 1)
{
}

void TerminalProgress::workloadStarted(int index, int count, const QString& id)
{
    if (m_interactive)
        return; // the live line shows it
    // With rounds a workload starts once per round: a log names it the first time only.
    if (m_announced.contains(id))
        return;
    m_announced.insert(id);
    std::fprintf(m_stream, "[%d/%d] %s\n", index + 1, count, qPrintable(id));
    std::fflush(m_stream);
}

void TerminalProgress::update(const Progress& p)
{
    if (!m_interactive)
        return;
    // One multi-argument arg(): an id holding "%4" is not taken for a placeholder.
    const QString line = QStringLiteral("[%1/%2] round %3/%4  %5  %6%  ETA %7")
                             .arg(QString::number(p.workloadIndex + 1), QString::number(p.workloadCount),
                                  QString::number(p.round + 1), QString::number(p.rounds), p.workloadId,
                                  QString::number(std::lround(p.overallFraction * 100)).rightJustified(3),
                                  formatEta(p.etaSeconds));
    // \r and "erase line" rewrite the line in place.
    std::fprintf(m_stream, "\r\x1b[2K%s", qPrintable(line));
    std::fflush(m_stream);
    m_lineShown = true;
}

void TerminalProgress::clear()
{
    if (m_interactive && m_lineShown) {
        std::fprintf(m_stream, "\r\x1b[2K");
        std::fflush(m_stream);
        m_lineShown = false;
    }
}

} // namespace crucible
