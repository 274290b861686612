#pragma once

#include "export/ExternalReport.h"

#include <QMainWindow>

QT_BEGIN_NAMESPACE
class QAction;
class QTabWidget;
class QTimer;
QT_END_NAMESPACE

namespace crucible {
class WorkloadRegistry;
struct CommandLineOptions;
struct RunResult;
} // namespace crucible

namespace crucible::gui {

class BaselineComparisons;
class BaselinePicker;
class ComparisonView;
class EarlierOverlays;
class EnvironmentBadge;
class ExportController;
class HistoryController;
class HistoryStatus;
class HistoryView;
class LiveView;
class MeasurementFields;
class ResultsView;
class RunController;
class ShownRun;
class ShownVerdicts;
class SuiteController;
class WindowHistory;
class WindowRunsMenu;
class WindowStatusBar;
class WorkloadTree;

// The dashboard: workloads on the left, live charts / results / comparison / history in tabs,
// run controls in the tool bar, progress in the status bar. It builds the views and the parts
// that fill them (each subscribes to what it shows: the run controller, the shown run, the
// history store) and wires the run itself; it only commands the engine through RunController.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(const WorkloadRegistry& registry, ExternalReports reports, QWidget* parent = nullptr);
    ~MainWindow() override;

    bool startRun(bool quickCheck);
    void stopRun();
    // File ▸ Compare commands…: asks for the commands, shows them in the tree and runs them
    // interleaved, all drawn at once in the live charts.
    void compareCommands();
    // The command line's choices for the window: --suite, FILTER words (checked in the tree) and
    // the measurement flags; a bad suite file is reported once the window is shown.
    // Returns false when --suite could not be opened.
    bool applyCommandLine(const CommandLineOptions& options);
    // Shows a finished run of this window (0 = the first) in the results and comparison tabs.
    void showRun(int index);

    RunController* controller() const { return m_controller; }
    WorkloadTree* workloadTree() const { return m_tree; }
    LiveView* liveView() const { return m_live; }
    ResultsView* resultsView() const { return m_results; }
    ComparisonView* comparisonView() const { return m_comparison; }
    HistoryView* historyView() const { return m_historyView; }
    BaselinePicker* baselinePicker() const { return m_picker; }
    MeasurementFields* measurement() const { return m_measurement; }
    ShownRun* shown() const { return m_shown; }
    ShownVerdicts* verdicts() const { return m_verdicts; }
    ExportController* exports() const { return m_exports; }
    SuiteController* suites() const { return m_suites; }
    WindowHistory* history() const { return m_history; }
    HistoryController* historyController() const { return m_historyControl; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildViews();
    void buildToolBar();
    void buildStatusBar();
    void buildParts(ExternalReports reports);
    void buildMenus();
    void connectRun();
    void connectShown();
    // What the empty Live and Results tabs say until there is something to show.
    QString idleHint() const;
    void applyTheme();
    void restoreSettings();
    void saveSettings() const;
    void updateRunState();
    void onRunFinished(const RunResult& run);
    // The first-run line above the results table, once the shown run's comparisons are in.
    void updateComparisonHint();

    RunController* m_controller;
    WindowHistory* m_history;
    ShownRun* m_shown;
    QTimer* m_refresh;
    WorkloadTree* m_tree = nullptr;
    LiveView* m_live = nullptr;
    ResultsView* m_results = nullptr;
    ComparisonView* m_comparison = nullptr;
    HistoryView* m_historyView = nullptr;
    QTabWidget* m_tabs = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_quickAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_compareAction = nullptr;
    WindowRunsMenu* m_runsMenu = nullptr;
    BaselinePicker* m_picker = nullptr;
    MeasurementFields* m_measurement = nullptr;
    WindowStatusBar* m_status = nullptr;
    EnvironmentBadge* m_environmentBadge = nullptr;
    HistoryStatus* m_historyStatus = nullptr;
    SuiteController* m_suites = nullptr;
    ExportController* m_exports = nullptr;
    BaselineComparisons* m_comparisons = nullptr;
    EarlierOverlays* m_overlays = nullptr;
    ShownVerdicts* m_verdicts = nullptr;
    HistoryController* m_historyControl = nullptr;
};

} // namespace crucible::gui
