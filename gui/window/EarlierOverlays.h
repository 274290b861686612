#pragma once

#include "EarlierRun.h"

#include <QObject>

namespace crucible::gui {

class BaselineComparisons;
class BaselinePicker;
class LiveView;
class ResultsView;
class RunController;
class ShownRun;
class WindowHistory;

// The earlier runs drawn behind the live charts and beside the chosen row's distribution: the
// baseline and the last few runs of the same workload. With a store they are fetched as each
// workload starts (or its row is chosen) and drawn once they arrive; without one they are the
// window's own runs of this session.
class EarlierOverlays : public QObject {
    Q_OBJECT
public:
    EarlierOverlays(RunController* controller, WindowHistory* history, ShownRun* shown,
                    const BaselineComparisons* comparisons, const BaselinePicker* picker, LiveView* live,
                    ResultsView* results, QObject* parent = nullptr);

    // What to draw behind workload `id` now, oldest first; with a store, what has arrived.
    LiveOverlays forWorkload(const QString& id) const;

private:
    LiveOverlays ofWindowRuns(const QString& id) const;
    void showChosenRow(const QString& id);
    void onEarlierReady(const QString& id);

    RunController* m_controller;
    WindowHistory* m_history;
    ShownRun* m_shown;
    const BaselineComparisons* m_comparisons;
    const BaselinePicker* m_picker;
    LiveView* m_live;
    ResultsView* m_results;
};

} // namespace crucible::gui
