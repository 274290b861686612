#pragma once

#include "ExternalReport.h"
#include "MeasurementSettings.h"
#include "Result.h"

#include <QMainWindow>

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
struct Progress;
namespace charts {
class ChartHost;
}
} // namespace crucible

namespace crucible::gui {

class LiveView;
class ResultsView;
class RunController;
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
    // Writes the shown run's files in `formats` into `dir`; false with a message box on error
    // (or `error` set, when given, without one).
    bool exportShownRun(const QString& dir, const QStringList& formats, QString* error = nullptr);
    // Shows a finished run of this window (0 = the first) in the results and comparison tabs.
    void showRun(int index);

    MeasurementSettings settings() const;
    RunController* controller() const { return m_controller; }
    WorkloadTree* workloadTree() const { return m_tree; }
    LiveView* liveView() const { return m_live; }
    ResultsView* resultsView() const { return m_results; }
    QComboBox* baselinePicker() const { return m_baseline; }
    const std::optional<RunResult>& shownRun() const { return m_shownRun; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildActions();
    void buildLayout();
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
    // Earlier results of `id` to overlay: the baseline's and the last few runs', oldest first.
    std::vector<Result> earlierResults(const QString& id, QStringList* labels) const;
    const RunResult* baselineRun() const;
    QString runLabel(int index) const;

    RunController* m_controller;
    ExternalReports m_reports;
    WorkloadTree* m_tree;
    LiveView* m_live;
    ResultsView* m_results;
    charts::ChartHost* m_comparison;
    QTabWidget* m_tabs;
    QAction* m_runAction;
    QAction* m_quickAction;
    QAction* m_stopAction;
    QMenu* m_runsMenu;
    QComboBox* m_baseline;
    QSpinBox* m_sampleSize;
    QDoubleSpinBox* m_warmUp;
    QDoubleSpinBox* m_measurement;
    QLabel* m_statusText;
    QLabel* m_eta;
    QProgressBar* m_progress;
    QTimer* m_refresh;
    std::optional<RunResult> m_shownRun;
    std::vector<Result> m_liveResults; // results of the run in progress
};

} // namespace crucible::gui
