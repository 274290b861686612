#pragma once

#include <QElapsedTimer>
#include <QStatusBar>

QT_BEGIN_NAMESPACE
class QLabel;
class QProgressBar;
QT_END_NAMESPACE

namespace crucible {
struct Progress;
}

namespace crucible::gui {

// The window's status bar: the latest message, then `environment` (the shown run's
// environment warnings), the run's progress and ETA, and `history` (the store's state).
class WindowStatusBar : public QStatusBar {
    Q_OBJECT
public:
    WindowStatusBar(QWidget* environment, QWidget* history, QWidget* parent = nullptr);

    void setStatus(const QString& message);
    // The progress bar says how far a run is; between runs a full bar would say nothing.
    void setRunning(bool running);
    void showProgress(const Progress& progress);

private:
    QLabel* m_message;
    QProgressBar* m_progress;
    QLabel* m_eta;
    QElapsedTimer m_sinceProgress; // since the progress was last shown
};

} // namespace crucible::gui
