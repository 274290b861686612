#include "WindowStatusBar.h"

#include "SuiteRunner.h"
#include "cli/TerminalProgress.h"

#include <QLabel>
#include <QProgressBar>

namespace crucible::gui {

namespace {
// The shortest interval between two progress updates. Up to 20 come a second while the
// measuring thread needs the CPU, and on a machine with few cores every millisecond the GUI
// thread spends is taken from it.
constexpr int kProgressIntervalMs = 250;
} // namespace

WindowStatusBar::WindowStatusBar(QWidget* environment, QWidget* history, QWidget* parent)
    : QStatusBar(parent), m_message(new QLabel(tr("Ready"))), m_progress(new QProgressBar), m_eta(new QLabel)
{
    // A long message is cut at the window's edge rather than widening the window past the screen.
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_progress->setMaximumWidth(260);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    addWidget(m_message, 1);
    addPermanentWidget(environment);
    addPermanentWidget(m_progress);
    addPermanentWidget(m_eta);
    addPermanentWidget(history);
}

void WindowStatusBar::setStatus(const QString& message)
{
    m_message->setText(message);
}

void WindowStatusBar::setRunning(bool running)
{
    if (running)
        m_progress->setValue(0);
    else
        m_eta->clear();
    m_progress->setVisible(running);
    m_eta->setVisible(running);
}

void WindowStatusBar::showProgress(const Progress& p)
{
    // Shown at most every kProgressIntervalMs (a new workload at once), and each widget touched
    // only when what it shows changes (a label's new text lays the status bar out again).
    const QString status = tr("[%1/%2] %3").arg(p.workloadIndex + 1).arg(p.workloadCount).arg(p.workloadId);
    const bool newWorkload = m_message->text() != status;
    if (!newWorkload && m_sinceProgress.isValid() && m_sinceProgress.elapsed() < kProgressIntervalMs)
        return;
    m_sinceProgress.start();
    if (newWorkload)
        m_message->setText(status);
    const int value = int(p.overallFraction * 1000);
    if (value != m_progress->value())
        m_progress->setValue(value);
    const QString eta = tr("ETA %1").arg(formatEta(p.etaSeconds));
    if (m_eta->text() != eta)
        m_eta->setText(eta);
}

} // namespace crucible::gui
