#pragma once

#include "ChartLook.h"
#include "history/WorkloadTrend.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
QT_END_NAMESPACE

namespace crucible::charts {
class ChartHost;
}

namespace crucible::gui {

class HistoryLoader;
class RunListModel;

// The History tab: the chosen workload's median per run over the history (change points and
// baselines marked), and the list of past runs, from which a run is reopened into the results
// table, exported, or saved as a baseline. Suite and host filters narrow both to comparable
// runs; by default they are those of the newest run. Everything comes from the store through
// the HistoryLoader, off the GUI thread.
class HistoryView : public QWidget {
    Q_OBJECT
public:
    explicit HistoryView(HistoryLoader* loader, QWidget* parent = nullptr);

    void setLook(const charts::ChartLook& look);
    // Reloads the runs, the workloads and the trend (after a run was recorded, a baseline
    // saved, the store reopened). listed() and trendShown() follow.
    void reload();
    // Instead of the view, a message: why there is no history.
    void showUnavailable(const QString& message);
    // Shows the trend of `id`, now or once the store's workloads are known.
    void showWorkload(const QString& id);
    // Chooses a run in the list (and rings it on the trend).
    void selectRun(qint64 runId);
    // Saves the run as baseline `name` (moving the name if it exists); baselineSaved() follows.
    void saveBaseline(const QString& name, qint64 runId);

    QString currentWorkload() const;
    qint64 selectedRunId() const;
    const WorkloadTrend& trend() const { return m_trend; }
    RunListModel* runsModel() const { return m_runs; }
    QSortFilterProxyModel* runsProxy() const { return m_proxy; }
    QTableView* runsTable() const { return m_table; }
    charts::ChartHost* trendHost() const { return m_trendHost; }
    QComboBox* workloadPicker() const { return m_workload; }
    QComboBox* suitePicker() const { return m_suite; }
    QComboBox* hostPicker() const { return m_host; }

Q_SIGNALS:
    void openRunRequested(qint64 runId);
    void exportRunRequested(qint64 runId);
    void baselineSaved(const QString& name, qint64 runId);
    void listed();
    void trendShown();
    // A store error, for the status bar.
    void failed(const QString& message);

private:
    void listRuns();
    void applyRunFilter();
    void loadWorkloads();
    void loadTrend();
    void drawTrend();
    void updateButtons();
    void saveBaselineInteractively();
    QString chosenSuite() const;
    QString chosenHost() const;

    HistoryLoader* m_loader;
    charts::ChartLook m_look;
    QStackedWidget* m_stack;
    QLabel* m_unavailable;
    QComboBox* m_suite;
    QComboBox* m_host;
    QComboBox* m_workload;
    charts::ChartHost* m_trendHost;
    QLabel* m_trendCaption;
    RunListModel* m_runs;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QLabel* m_runCount;
    QPushButton* m_open;
    QPushButton* m_export;
    QPushButton* m_saveBaseline;
    std::vector<HistoryStore::RunRecord> m_allRuns;
    WorkloadTrend m_trend;
    QString m_wantedWorkload;
    bool m_filtersChosen = false; // false until the first listing picks the newest run's suite and host
    bool m_filling = false;       // combo boxes being refilled: their signals are not the user's
    quint64 m_workloadsSerial = 0;
    quint64 m_trendSerial = 0;
};

} // namespace crucible::gui
