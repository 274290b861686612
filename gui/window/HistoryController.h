#pragma once

#include "ShownRun.h"

#include <QObject>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace crucible::gui {

class BaselinePicker;
class HistoryStatus;
class HistoryView;
class RunController;
class WindowHistory;

// The window's side of the history store: opening it (--db, File ▸ History store…) or running
// without one (--no-history), recording each finished run and loading the shown run's trends
// for its PDF, and reopening a past run from the History tab. Without a store (closed, or one
// that cannot be opened) the window compares and overlays only its own runs.
class HistoryController : public QObject {
    Q_OBJECT
public:
    // Dialogs open over `window`; `picker` says how a reopened run is compared.
    HistoryController(WindowHistory* history, HistoryView* view, HistoryStatus* statusWidget, ShownRun* shown,
                      const RunController* controller, const BaselinePicker* picker, QWidget* window);

    // Opens the store off the GUI thread; `location` as --db takes it, empty for the per-user file.
    void open(const QString& location);
    void close();
    // File ▸ History store…: asks for the location, keeps it in the settings and opens it.
    void chooseLocation();
    // Calls `then` once the store being opened has answered (at once when none is opening):
    // a run started by --run is compared and overlaid from its first workload on.
    void whenReady(std::function<void()> then);
    // Reopens run `runId` of the store into the results and comparison tabs, compared as the
    // picker says; storedRunShown() follows. Export then writes that run.
    void showStoredRun(qint64 runId);

Q_SIGNALS:
    // For the status bar.
    void status(const QString& message);
    void runRecorded(qint64 runId);
    void storedRunShown(qint64 runId);
    // History ▸ Export: the reopened run is ready to export, its trends in.
    void exportAsked();

private:
    // Asks for the trends of the run just shown: a finished run's once it is recorded, a
    // reopened run's at once.
    void loadShownTrends();
    void onRecorded(qint64 runId, const QDateTime& started);
    void onTrendsLoaded(qint64 runId, const std::vector<WorkloadTrend>& trends);
    void onStoredRunLoaded(qint64 runId, const RunResult& run);

    WindowHistory* m_history;
    HistoryView* m_view;
    HistoryStatus* m_statusWidget;
    ShownRun* m_shown;
    const RunController* m_controller;
    const BaselinePicker* m_picker;
    QWidget* m_window;
    std::optional<ShownRun::Ticket> m_trends; // the shown run's, until they are loaded
    bool m_exportWhenLoaded = false;          // History ▸ Export: export the reopened run once its trends are in
};

} // namespace crucible::gui
