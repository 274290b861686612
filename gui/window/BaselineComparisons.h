#pragma once

#include "Result.h"
#include "ShownRun.h"

#include <QObject>

#include <map>
#include <vector>

namespace crucible {
struct EarlierResults;
struct JudgeContext;
} // namespace crucible

namespace crucible::gui {

class BaselinePicker;
class RunController;
class WindowHistory;

// Compares the window's runs with the baseline picker's choice, and has the picker say what
// the changes on screen were measured against. Each workload of the run going on is compared
// as it finishes: with the store's baseline for it (fetched when the workload started), or,
// without a store, with the window's own run the picker names. Choosing another baseline
// compares the shown run again. Every comparison (a bootstrap, tens of milliseconds) is made
// off the GUI thread and counted by the shown run as work it waits for.
class BaselineComparisons : public QObject {
    Q_OBJECT
public:
    BaselineComparisons(RunController* controller, WindowHistory* history, ShownRun* shown, BaselinePicker* picker,
                        QObject* parent = nullptr);

    // The results of the run going on (or the last one), with the comparisons made so far.
    const std::vector<Result>& measured() const { return m_measured; }
    // Among the window's runs, the one the picker names as the baseline of the run compared
    // (the one going on, or else the one shown); -1 for none.
    int windowBaseline() const;

Q_SIGNALS:
    // A result of the run going on or of the shown run, compared again: for the results table.
    void resultCompared(const crucible::Result& result);
    // Another baseline was chosen while a run reopened from the store is shown: the store
    // compares it, when it is loaded again.
    void storedRunToReload(qint64 runId);

private:
    // The index among the window's runs of the run compared: the one going on (or the next),
    // else the one shown; the list's size when the shown run is not the window's.
    int comparedWindowRun() const;
    void refillPicker();
    void updateMeasuredAgainst();
    void onWorkloadFinished(const Result& result);
    void compareWithWindowRun(const Result& result, const ShownRun::Ticket& ticket);
    void compareWithStore(const Result& result, const EarlierResults& earlier, const ShownRun::Ticket& ticket);
    RunInfo candidateRun(const ShownRun::Ticket& ticket) const;
    void compareInBackground(const Result& result, const Result& baseline, const JudgeContext& context,
                             const ShownRun::Ticket& ticket);
    void onEarlierReady(const QString& id);
    void apply(const ShownRun::Ticket& ticket, const Result& compared);
    // Compares the shown run of the window again, with the baseline now chosen.
    void recompareShownRun();

    RunController* m_controller;
    WindowHistory* m_history;
    ShownRun* m_shown;
    BaselinePicker* m_picker;
    std::vector<Result> m_measured;
    // Finished workloads whose earlier results are still being fetched from the store.
    std::map<QString, ShownRun::Ticket> m_awaitingEarlier;
};

} // namespace crucible::gui
