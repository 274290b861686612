#pragma once

#include <QLabel>

namespace crucible::gui {

// The status bar's permanent word on the history store: off, opening, which store runs are
// recorded in, or why the store cannot be used. A reason stays here because the run's progress
// takes the status text; it is elided to keep the status bar on the screen, and its tool tip
// carries all of it.
class HistoryStatus : public QLabel {
    Q_OBJECT
public:
    explicit HistoryStatus(QWidget* parent = nullptr);

    void showOpening(const QString& location);
    void showOpened(const QString& location);
    void showUnavailable(const QString& message);
    void showOff();
    void showRecorded(qint64 runId, const QString& location);
};

} // namespace crucible::gui
