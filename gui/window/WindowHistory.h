#pragma once

#include "LiveView.h"
#include "history/EarlierResults.h"
#include "history/WorkloadTrend.h"

#include <QObject>
#include <QSet>

#include <map>

namespace crucible::gui {

class HistoryLoader;

// What the window asks of the history store, all of it off the GUI thread (HistoryLoader): the
// named baselines for the picker, the earlier results of each workload that starts (its
// baseline, to compare with, and the last few runs, drawn faintly behind the live charts),
// recording each finished run, reopening a past run with its comparisons, and the trends that
// the shown run's PDF report draws.
class WindowHistory : public QObject {
    Q_OBJECT
public:
    // The baseline plus at most this many of the latest runs are drawn behind the live charts.
    static constexpr int kRecentOverlays = 3;

    explicit WindowHistory(QObject* parent = nullptr);

    HistoryLoader* loader() const { return m_loader; }
    // Opens `location` as --db takes it (empty: the per-user file); opened() or openFailed().
    void open(const QString& location);
    void close();
    bool isOpen() const;
    QString location() const;

    // The store's named baselines, as last listed; baselinesChanged() when a listing differs.
    QStringList baselineNames() const { return m_baselineNames; }
    void refreshBaselines();

    // Which earlier results fetchEarlier() looks for: those of `suite` on `host` (before run
    // `beforeRun` when it is not 0), compared as `choice` says. Forgets what was fetched before:
    // a new run, or another run reopened, has other earlier runs (the last run among them).
    void setScope(const QString& suite, const QString& host, qint64 beforeRun, const BaselineChoice& choice);
    // Fetches the earlier results of `workloadId` unless they are here or on their way;
    // earlierReady() says when they are.
    void fetchEarlier(const QString& workloadId);
    const EarlierResults* earlier(const QString& workloadId) const;
    // What to draw behind `earlier`'s workload: its baseline, and the recent runs oldest to
    // newest, with the legend's names for them.
    static LiveOverlays overlays(const EarlierResults& earlier);

    // Records a finished run; recorded() or failed().
    void record(const RunResult& run);
    // Loads run `runId` and compares it as `choice` says; runLoaded() or failed().
    void loadRun(qint64 runId, const BaselineChoice& choice);
    // The trends of `run`'s workloads for its report (run `runId` in the store, or 0 when it
    // is not recorded); trendsLoaded().
    void loadTrends(const RunResult& run, qint64 runId);

Q_SIGNALS:
    void opened(const QString& location);
    void openFailed(const QString& message);
    void closed();
    // A request failed: a message naming the store, for the status bar.
    void failed(const QString& message);
    void baselinesChanged(const QStringList& names);
    void earlierReady(const QString& workloadId);
    void recorded(qint64 runId, const QDateTime& runStarted);
    void runLoaded(qint64 runId, const crucible::RunResult& run);
    void trendsLoaded(qint64 runId, const std::vector<crucible::WorkloadTrend>& trends);

private:
    HistoryLoader* m_loader;
    QStringList m_baselineNames;
    HistoryStore::Filter m_scope;
    BaselineChoice m_choice;
    quint64 m_scopeSerial = 0;
    std::map<QString, EarlierResults> m_earlier;
    QSet<QString> m_fetching;
};

} // namespace crucible::gui
