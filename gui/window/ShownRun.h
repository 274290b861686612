#pragma once

#include "Result.h"
#include "history/WorkloadTrend.h"

#include <QObject>

#include <array>
#include <map>
#include <optional>
#include <vector>

namespace crucible::gui {

// The run the Results and Comparison tabs show, and what is still on its way for it: its pairs,
// budgets and claims, its workloads' comparisons with the baseline, its trends over the history.
// All of that is computed off the GUI thread and arrives in any order, and an export must wait
// for all of it, so whether the shown run has it is one state here rather than a flag beside
// each job. The parts that start a job ask for a ticket, deliver through the setters while
// isCurrent(ticket), and hand the ticket back with done(); a ticket of a run no longer shown
// is stale, so a late result never lands on another run (the way hotspot's JobTracker drops
// superseded jobs).
class ShownRun : public QObject {
    Q_OBJECT
public:
    enum class State {
        Empty,   // no run shown yet
        Pending, // a run is shown, and some of its verdicts, comparisons or trends are on their way
        Settled, // the shown run has everything it waits for (or what failed gave up): exports may start
    };
    enum class Work { Verdicts, Comparison, Trends };
    enum class Source {
        Finished,   // the window's run that just ended
        WindowList, // one of the window's earlier runs, shown again
        Store,      // a run reopened from the history store
    };
    // One job asked for a run. `run` identifies the run, `round` which comparisons of it are
    // the latest: comparing the whole run again supersedes the comparisons asked before.
    struct Ticket {
        quint64 run = 0;
        Work work = Work::Verdicts;
        quint64 round = 0;
    };

    explicit ShownRun(QObject* parent = nullptr);

    State state() const { return m_state; }
    const std::optional<RunResult>& run() const { return m_run; }
    Source source() const { return m_source; }
    // The shown run's id in the store: 0 until it is recorded, or for a run of this window
    // without history.
    qint64 storeId() const { return m_storeId; }
    // The trends its PDF report draws (loaded once the run is in the store).
    const std::vector<WorkloadTrend>& trends() const { return m_trends; }

    // A run of the window starts measuring. Work asked for it with expectForMeasuring() (its
    // workloads' comparisons, made as each finishes) counts once showFinished() shows it.
    void measuringStarted();
    void showFinished(RunResult run);
    void showWindowRun(RunResult run);
    void showStoredRun(RunResult run, qint64 storeId);

    // Asks for work for the shown run; slots connected to shown() ask for theirs before the
    // state is decided, so a run is never Settled before its jobs have started.
    Ticket expect(Work work);
    Ticket expectForMeasuring(Work work);
    // Comparing the shown run again as a whole: the comparisons asked before stop being current.
    Ticket expectRecompare();
    // Whether a job's result is for the shown run (and, for a comparison, still the latest).
    bool isCurrent(const Ticket& ticket) const;
    // Whether a job is for the run measuring (or the last one measured).
    bool isMeasuring(const Ticket& ticket) const { return ticket.run == m_measuringKey; }
    // The job is over, delivered or not; the last one of the shown run settles it.
    void done(const Ticket& ticket);
    // What failed will not come: the shown run stops waiting for any `work`.
    void giveUp(Work work);

    // Deliveries for the shown run (the caller checks isCurrent() first).
    void setGates(std::vector<BudgetOutcome> budgets, std::vector<ClaimOutcome> claims);
    void setComparison(const Result& compared); // the baseline of that workload
    void setResults(std::vector<Result> results);
    void setStoreId(qint64 runId) { m_storeId = runId; }
    void setTrends(std::vector<WorkloadTrend> trends);

Q_SIGNALS:
    // Another run is shown: slots start its jobs (and ask for their tickets).
    void shown();
    // The state became Settled.
    void settled();
    void trendsLoaded();

private:
    using Counts = std::array<int, 3>; // jobs on their way, by Work
    void show(RunResult run, Source source, quint64 key, qint64 storeId);
    void settleIfDone();

    std::optional<RunResult> m_run;
    Source m_source = Source::Finished;
    qint64 m_storeId = 0;
    std::vector<WorkloadTrend> m_trends;
    State m_state = State::Empty;
    quint64 m_lastKey = 0;               // every run measured or shown gets a new key
    quint64 m_shownKey = 0;              // 0 while nothing is shown
    quint64 m_measuringKey = 0;          // the run measuring, or the last one measured
    quint64 m_round = 0;                 // bumped by expectRecompare()
    bool m_announcing = false;           // inside shown(): its slots are still asking for jobs
    std::map<quint64, Counts> m_pending; // by run key: only the shown and the measuring run's
};

} // namespace crucible::gui
