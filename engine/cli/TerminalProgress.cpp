#include "TerminalProgress.h"

#include "TerminalWidth.h"

#include <cmath>

namespace crucible {

QString formatEta(double seconds)
{
    if (seconds < 0 || !std::isfinite(seconds))
        return QStringLiteral("--:--");
    const long long s = std::llround(seconds);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

TerminalProgress::TerminalProgress(std::FILE* stream) : m_stream(stream)
{ }

int TerminalProgress::liveWidth() const
{
    const int width = terminalColumns(m_stream);
    return width >= kNarrowestLiveLine ? width : 0;
}

void TerminalProgress::workloadStarted(int index, int count, const QString& id)
{
    const int width = terminalColumns(m_stream);
    if (width >= kNarrowestLiveLine)
        return; // the live line shows it
    // With rounds a workload starts once per round: a log names it the first time only.
    if (m_announced.contains(id))
        return;
    m_announced.insert(id);
    const QString line = QStringLiteral("[%1/%2] %3").arg(QString::number(index + 1), QString::number(count), id);
    // A narrow terminal: cut, never wrapped.
    std::fprintf(m_stream, "%s\n", qPrintable(width > 0 ? elideMiddle(line, width - 1) : line));
    std::fflush(m_stream);
}

void TerminalProgress::update(const Progress& p)
{
    const int width = liveWidth();
    if (width == 0)
        return;
    const QString counter =
        QStringLiteral("[%1/%2] ").arg(QString::number(p.workloadIndex + 1), QString::number(p.workloadCount));
    const QString round = QStringLiteral("round %1/%2  ").arg(QString::number(p.round + 1), QString::number(p.rounds));
    const QString tail =
        QStringLiteral("  %1%  ETA %2")
            .arg(QString::number(std::lround(p.overallFraction * 100)).rightJustified(3), formatEta(p.etaSeconds));
    // The last column stays empty (writing into it wraps some terminals); the round goes first
    // when the id would keep fewer than 12 characters.
    const int usable = width - 1;
    const int fixed = int(counter.size() + tail.size());
    const bool withRound = usable - fixed - int(round.size()) >= 12;
    const int idWidth = usable - fixed - (withRound ? int(round.size()) : 0);
    // With a long counter and ETA on a narrow terminal the id may get no room at all: then the
    // whole line is cut, so that it still never wraps.
    const QString line = elideMiddle(
        counter + (withRound ? round : QString()) + elideMiddle(p.workloadId, std::max(idWidth, 1)) + tail, usable);
    // \r and "erase line" rewrite the line in place.
    std::fprintf(m_stream, "\r\x1b[2K%s", qPrintable(line));
    std::fflush(m_stream);
    m_lineShown = true;
}

void TerminalProgress::clear()
{
    if (m_lineShown) {
        std::fprintf(m_stream, "\r\x1b[2K");
        std::fflush(m_stream);
        m_lineShown = false;
    }
}

} // namespace crucible
