#pragma once

#include "LiveView.h"
#include "MeasurementSettings.h"
#include "Result.h"
#include "export/ExternalReport.h"
#include "history/EarlierResults.h"
#include "history/WorkloadTrend.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <functional>
#include <map>
#include <optional>

QT_BEGIN_NAMESPACE
class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QMenu;
class QProgressBar;
class QSpinBox;
class QTabWidget;
class QTimer;
QT_END_NAMESPACE

namespace crucible {
class WorkloadRegistry;
struct CommandLineOptions;
struct Progress;
struct Suite;
namespace charts {
class ChartHost;
}
} // namespace crucible

namespace crucible::gui {

class BaselinePicker;
class ComparisonView;
class EnvironmentBadge;
class ExportJob;
class HistoryView;
class ResultsView;
class RunController;
class WindowHistory;
class WorkloadTree;

// The dashboard: workloads on the left, live charts / results / comparison in tabs, run
// controls in the tool bar, progress in the status bar. It only commands the engine through
// RunController and shows what comes back.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(const WorkloadRegistry& registry, ExternalReports reports, QWidget* parent = nullptr);
    ~MainWindow() override;

    bool startRun(bool quickCheck);
    void stopRun();
    // Starts writing the shown run's files in `formats` into `dir` off the GUI thread;
    // exportFinished() follows. False when it cannot start (no run shown, an export going),
    // with a message box, or with `error` set, when given, without one. A run just finished is
    // exported once its budgets and claims are evaluated.
    bool exportShownRun(const QString& dir, const QStringList& formats, QString* error = nullptr);

    // The suite the tree shows and runs use (MainWindowSuite.cpp): a suite file (SPEC.md "Suite
    // file"), or the built-in default suite for an empty path. A file that cannot be read or is
    // invalid leaves the current suite in place and says why, naming the file and the key: in a
    // message box, or in `error` when given. A file opened becomes the last suite (reopened at
    // the next start) and heads File ▸ Recent suites; `takeDefaults` loads its defaults (samples,
    // warm-up and measurement time) into the tool bar.
    bool openSuite(const QString& path, QString* error = nullptr, bool takeDefaults = true);
    // The file of the suite shown; empty for the built-in default suite.
    QString suiteFile() const { return m_suiteFile; }
    // The command line's choices for the window: --suite, FILTER words (checked in the tree) and
    // the measurement flags; a bad suite file is reported once the window is shown.
    // Returns false when --suite could not be opened.
    bool applyCommandLine(const CommandLineOptions& options);
    // Shows a finished run of this window (0 = the first) in the results and comparison tabs.
    void showRun(int index);

    MeasurementSettings settings() const;
    RunController* controller() const { return m_controller; }
    WorkloadTree* workloadTree() const { return m_tree; }
    LiveView* liveView() const { return m_live; }
    ResultsView* resultsView() const { return m_results; }
    BaselinePicker* baselinePicker() const { return m_baseline; }
    ComparisonView* comparisonView() const { return m_comparison; }
    const std::optional<RunResult>& shownRun() const { return m_shownRun; }

    // The history store (MainWindowHistory.cpp): each finished run is recorded into it and
    // compared with the baseline picker's choice (a named baseline, or each workload's
    // previous run of the same suite on this host); its past runs are listed, charted and
    // reopened in the History tab. Opened off the GUI thread; `location` as --db takes it,
    // empty for the per-user file. Without a store (closeHistory(), --no-history, one that
    // cannot be opened) the window compares and overlays only its own runs.
    void openHistory(const QString& location);
    void closeHistory();
    // Calls `then` once the store being opened has answered (at once when none is opening):
    // a run started by --run is compared and overlaid from its first workload on.
    void whenHistoryReady(std::function<void()> then);
    // Reopens run `runId` of the store into the results and comparison tabs; storedRunShown()
    // follows. Export then writes that run.
    void showStoredRun(qint64 runId);
    WindowHistory* history() const { return m_history; }
    HistoryView* historyView() const { return m_historyView; }
    // The shown run's id in the store: 0 until it is recorded, or for a run of this window
    // without history.
    qint64 shownRunId() const { return m_shownRunId; }
    // The trends the shown run's PDF report draws (loaded once the run is in the store).
    const std::vector<WorkloadTrend>& shownTrends() const { return m_shownTrends; }

Q_SIGNALS:
    // An export ended: the file names written into `dir`, or `error` naming the file.
    void exportFinished(const QString& dir, const QStringList& written, const QString& error);
    // The Comparison tab shows the pairs, budgets and claims of the shown run.
    void verdictsShown();
    void runRecorded(qint64 runId);
    void storedRunShown(qint64 runId);
    void shownTrendsLoaded();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildActions();
    void buildLayout();
    // What the empty Live and Results tabs say until there is something to show.
    QString idleHint() const;
    void connectController();
    void applyTheme();
    void restoreSettings();
    void saveSettings() const;
    void updateRunState();
    void updateProgress(const Progress& progress);
    void onWorkloadFinished(const Result& result);
    void onRunFinished(const RunResult& run);
    void refillRunLists();
    void showComparison(const RunResult& run);
    void exportInteractively(const QStringList& formats);
    // Earlier results of `id` to draw behind its live charts: the baseline's and the last few
    // runs', oldest first.
    LiveOverlays earlierResults(const QString& id) const;
    QString runLabel(int index) const;

    // The baseline picker (MainWindowBaseline.cpp). Without a store it offers the window's own
    // runs; the chosen item names what the shown changes were measured against.
    void fillWindowBaselinePicker();
    // The index among the window's runs of the run compared: the one going on (or the next),
    // else the one shown; the list's size when the shown run is not the window's.
    int comparedWindowRun() const;
    // The index of the window's run that run `candidate` is compared with; -1 for none.
    int windowBaselineIndex(int candidate) const;
    void updateMeasuredAgainst();
    // Compares the shown run of the window again, with the baseline now chosen.
    void recompareShownWindowRun();

    // Suites, verdicts and exports (MainWindowSuite.cpp).
    void buildSuiteActions(QMenu* file);
    void refillRecentSuites();
    void useSuite(const Suite& suite, const QString& file);
    void restoreSuite();
    void compareWithWindowRun(const Result& result);
    void startExport(const QString& dir, const QStringList& formats);
    // Whether the shown run has its verdicts, baseline comparisons and trends (or gave up on
    // them); an export waits for that.
    bool shownRunSettled() const;
    // Starts the export asked for while the shown run was not settled, once it is.
    void startQueuedExport();
    void onExportFinished(const QString& dir, const QStringList& written, const QString& error);

    // History (MainWindowHistory.cpp).
    void connectHistory();
    void chooseHistoryLocation();
    void fillBaselinePicker();
    BaselineChoice baselineChoice() const;
    LiveOverlays historyOverlays(const QString& id) const;
    void onEarlierReady(const QString& id);
    void compareInBackground(const Result& result, const EarlierResults& earlier);
    void applyComparison(quint64 runSerial, const Result& compared);
    void onStoredRunLoaded(qint64 runId, const RunResult& run);

    RunController* m_controller;
    ExternalReports m_reports;
    WorkloadTree* m_tree;
    LiveView* m_live;
    ResultsView* m_results;
    ComparisonView* m_comparison;
    QTabWidget* m_tabs;
    QAction* m_runAction;
    QAction* m_quickAction;
    QAction* m_stopAction;
    QMenu* m_runsMenu;
    BaselinePicker* m_baseline;
    QSpinBox* m_sampleSize;
    QDoubleSpinBox* m_warmUp;
    QDoubleSpinBox* m_measurement;
    QLabel* m_statusText;
    QLabel* m_eta;
    QProgressBar* m_progress;
    QTimer* m_refresh;
    std::optional<RunResult> m_shownRun;
    std::vector<Result> m_liveResults; // results of the run in progress
    WindowHistory* m_history = nullptr;
    HistoryView* m_historyView = nullptr;
    QLabel* m_historyStatus = nullptr;
    EnvironmentBadge* m_environmentBadge = nullptr;
    qint64 m_shownRunId = 0;
    std::vector<WorkloadTrend> m_shownTrends;
    QStringList m_uncompared;        // finished workloads of this run whose earlier results are on their way
    quint64 m_runSerial = 0;         // counts the window's runs: a late comparison finds its run
    quint64 m_shownSerial = 0;       // the run serial of the shown run, 0 for one reopened from the store
    bool m_exportWhenLoaded = false; // History ▸ Export: export the reopened run once its trends are in
    QString m_suiteFile;             // empty: the built-in default suite
    QMenu* m_recentSuites = nullptr;
    QAction* m_openSuite = nullptr;
    ExportJob* m_export = nullptr;
    quint64 m_verdictSerial = 0; // counts verdict computations: only the latest is shown
    // What the shown run still waits for, so that an export asked for meanwhile carries it all.
    bool m_verdictsPending = false;     // its pairs, budgets and claims (showComparison)
    bool m_trendsPending = false;       // its trends for the PDF: recorded, then loaded
    std::map<quint64, int> m_comparing; // baseline comparisons on their way, by run serial
    int m_recomparing = 0;              // the shown run compared again (recompareShownWindowRun)
    // Which recompare of the shown window run is the latest: an older one finishing later (the
    // picker changed twice quickly) must not overwrite what the picker names now.
    quint64 m_recompareGeneration = 0;
    std::optional<std::pair<QString, QStringList>> m_queuedExport; // dir, formats
    bool m_exportQuiet = false;    // the export's caller takes its error; no message box
    QElapsedTimer m_sinceProgress; // since the status bar last showed progress
};

} // namespace crucible::gui
