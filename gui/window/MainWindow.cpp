#include "MainWindow.h"

#include "BaselineComparisons.h"
#include "BaselinePicker.h"
#include "CompareCommandsDialog.h"
#include "Comparison.h"
#include "ComparisonView.h"
#include "EarlierOverlays.h"
#include "EnvironmentBadge.h"
#include "ErrorMessage.h"
#include "ExportController.h"
#include "HistoryController.h"
#include "HistoryStatus.h"
#include "HistoryView.h"
#include "LiveView.h"
#include "MeasurementFields.h"
#include "ResultsView.h"
#include "RunController.h"
#include "ScreenLook.h"
#include "SettingsKeys.h"
#include "ShownRun.h"
#include "ShownVerdicts.h"
#include "SuiteController.h"
#include "WindowGeometry.h"
#include "WindowHistory.h"
#include "WindowRunsMenu.h"
#include "WindowStatusBar.h"
#include "WorkloadCount.h"
#include "WorkloadTree.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

#include <algorithm>

namespace crucible::gui {

namespace {
// Redraw rate of the live charts while samples stream in. Drawing is most of what the GUI
// thread does during a run, and on a machine with few cores every millisecond of it is taken
// from the measuring thread (benchmarks/bench_gui: at 5 frames a second the GUI thread is busy
// ~4% of the time).
constexpr int kRefreshIntervalMs = 200;
// The first size where the screen has room: the tree, the charts and the tool bar side by side.
constexpr QSize kPreferredSize{1360, 860};
} // namespace

MainWindow::MainWindow(const WorkloadRegistry& registry, ExternalReports reports, QWidget* parent)
    : QMainWindow(parent), m_controller(new RunController(registry, this)), m_history(new WindowHistory(this)),
      m_shown(new ShownRun(this)), m_refresh(new QTimer(this))
{
    setWindowTitle(tr("Crucible Bench"));
    buildViews();
    // The run reaches the views before the parts: they add to what the views show of it.
    connectRun();
    buildParts(std::move(reports));
    buildMenus();
    connectShown();
    m_suites->restore(); // the last suite, else the built-in default suite: the tree's workloads
    restoreSettings();
    applyTheme();
    updateRunState();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildViews()
{
    m_tree = new WorkloadTree;
    auto* dock = new QDockWidget(tr("Workloads"), this);
    dock->setObjectName(QStringLiteral("workloadsDock"));
    dock->setWidget(m_tree);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    m_live = new LiveView;
    m_results = new ResultsView;
    m_comparison = new ComparisonView;
    m_historyView = new HistoryView(m_history->loader());
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_live, tr("Live"));
    m_tabs->addTab(m_results, tr("Results"));
    m_tabs->addTab(m_comparison, tr("Comparison"));
    m_tabs->addTab(m_historyView, tr("History"));
    setCentralWidget(m_tabs);
    buildToolBar();
    m_live->setIdleHint(idleHint());
    m_results->setEmptyHint(idleHint());
    buildStatusBar();
    m_refresh->setInterval(kRefreshIntervalMs);
    connect(m_refresh, &QTimer::timeout, m_live, &LiveView::refresh);
}

void MainWindow::buildToolBar()
{
    m_runAction = new QAction(tr("&Run"), this);
    m_runAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+R")));
    connect(m_runAction, &QAction::triggered, this, [this] { startRun(false); });
    m_quickAction = new QAction(tr("&Quick check"), this);
    m_quickAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+R")));
    connect(m_quickAction, &QAction::triggered, this, [this] { startRun(true); });
    m_stopAction = new QAction(tr("&Stop"), this);
    m_stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(m_stopAction, &QAction::triggered, this, &MainWindow::stopRun);

    QToolBar* bar = addToolBar(tr("Run"));
    bar->setObjectName(QStringLiteral("runToolBar"));
    bar->addAction(m_runAction);
    bar->addAction(m_quickAction);
    bar->addAction(m_stopAction);
    bar->addSeparator();
    m_measurement = new MeasurementFields(bar);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Baseline: ")));
    m_picker = new BaselinePicker;
    bar->addWidget(m_picker);
}

void MainWindow::buildStatusBar()
{
    m_environmentBadge = new EnvironmentBadge;
    m_historyStatus = new HistoryStatus;
    m_status = new WindowStatusBar(m_environmentBadge, m_historyStatus);
    setStatusBar(m_status);
    m_status->setRunning(false);
}

void MainWindow::buildParts(ExternalReports reports)
{
    m_suites = new SuiteController(m_controller, m_tree, this);
    m_exports = new ExportController(m_shown, std::move(reports), this);
    m_comparisons = new BaselineComparisons(m_controller, m_history, m_shown, m_picker, this);
    m_overlays =
        new EarlierOverlays(m_controller, m_history, m_shown, m_comparisons, m_picker, m_live, m_results, this);
    m_verdicts = new ShownVerdicts(m_shown, m_controller, m_comparison, this);
    m_historyControl =
        new HistoryController(m_history, m_historyView, m_historyStatus, m_shown, m_controller, m_picker, this);

    connect(m_suites, &SuiteController::status, m_status, &WindowStatusBar::setStatus);
    connect(m_exports, &ExportController::status, m_status, &WindowStatusBar::setStatus);
    connect(m_historyControl, &HistoryController::status, m_status, &WindowStatusBar::setStatus);
    connect(m_suites, &SuiteController::defaultsOffered, m_measurement, &MeasurementFields::takeDefaults);
    connect(m_suites, &SuiteController::changed, this, &MainWindow::updateRunState);
    connect(m_comparisons, &BaselineComparisons::resultCompared, m_results, &ResultsView::upsert);
    connect(m_comparisons, &BaselineComparisons::storedRunToReload, m_historyControl,
            &HistoryController::showStoredRun);
    connect(m_historyControl, &HistoryController::exportAsked, m_exports, &ExportController::exportAllInteractively);
    // The History tab's trend follows the workload chosen elsewhere.
    connect(m_tree, &WorkloadTree::workloadActivated, m_historyView, &HistoryView::showWorkload);
    connect(m_results, &ResultsView::workloadSelected, m_historyView, &HistoryView::showWorkload);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_suites->addActionsTo(file);
    m_compareAction = file->addAction(tr("&Compare commands…"), this, &MainWindow::compareCommands);
    file->addSeparator();
    m_exports->addMenuTo(file);
    file->addAction(tr("History &store…"), m_historyControl, &HistoryController::chooseLocation);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_runAction);
    run->addAction(m_quickAction);
    run->addAction(m_stopAction);
    m_runsMenu = new WindowRunsMenu(menuBar());
    menuBar()->addMenu(m_runsMenu);
    connect(m_runsMenu, &WindowRunsMenu::runChosen, this, &MainWindow::showRun);
    connect(m_runsMenu, &WindowRunsMenu::storeRunsChosen, this, [this] { m_tabs->setCurrentWidget(m_historyView); });
}

QString MainWindow::idleHint() const
{
    return tr("Choose workloads on the left and press Run, %1")
        .arg(m_runAction->shortcut().toString(QKeySequence::NativeText));
}

void MainWindow::connectRun()
{
    connect(m_controller, &RunController::runStarted, this, [this](int count) {
        m_shown->measuringStarted();
        m_results->setEmptyHint(tr("Results appear here as each workload finishes."));
        m_results->setComparisonHint(QString());
        m_results->setResults({});
        m_status->setRunning(true);
        m_live->startRun(m_controller->suite().interleaved);
        m_status->setStatus(tr("Running %1…").arg(workloadCount(count)));
        m_live->setExpectedSamples(m_controller->runSettings().sampleCount);
        m_tabs->setCurrentWidget(m_live);
        m_refresh->start();
        updateRunState();
    });
    connect(m_controller, &RunController::workloadStarted, this, [this](int, int, const WorkloadInfo& info) {
        m_live->showWorkload(info, m_overlays->forWorkload(info.id));
        m_tree->setRunning(m_live->shownIds()); // what the charts draw is what the tree marks
    });
    connect(m_controller, &RunController::samplesAvailable, m_live, &LiveView::addSamples);
    connect(m_controller, &RunController::referenceMeasured, m_live, &LiveView::addReference);
    connect(m_controller, &RunController::progressChanged, m_status, &WindowStatusBar::showProgress);
    connect(m_controller, &RunController::workloadFinished, m_results, &ResultsView::upsert);
    connect(m_controller, &RunController::runFinished, this, &MainWindow::onRunFinished);
    connect(m_tree, &WorkloadTree::selectionChanged, this, &MainWindow::updateRunState);
}

void MainWindow::connectShown()
{
    connect(m_shown, &ShownRun::settled, this, &MainWindow::updateComparisonHint);
    connect(m_shown, &ShownRun::shown, this, [this] {
        m_results->setComparisonHint(QString()); // until its comparisons are in
        const RunResult& run = *m_shown->run();
        m_environmentBadge->setEnvironment(run.info.environment);
        if (m_shown->source() == ShownRun::Source::Finished)
            return; // its rows came in as its workloads finished
        m_results->setResults(run.results);
        m_tabs->setCurrentWidget(m_results);
    });
}

void MainWindow::updateComparisonHint()
{
    // As the terminal says it (RunHistory::describeComparison): a run with finished workloads,
    // compared with the previous run or a baseline, none of which had anything to compare with.
    const std::optional<RunResult>& run = m_shown->run();
    const bool compares = m_picker->currentKind() != BaselinePicker::None;
    const bool nothingCompared = run
        && std::any_of(run->results.begin(), run->results.end(), [](const Result& r) { return r.status == Status::Ok; })
        && std::none_of(run->results.begin(), run->results.end(),
                        [](const Result& r) { return r.baseline.has_value(); });
    if (!compares || !nothingCompared || m_controller->isRunning()) {
        m_results->setComparisonHint(QString());
        return;
    }
    const QString howToSave = m_history->isOpen()
        ? tr("select it in the History tab and press Save as baseline…")
        : tr("open a history store (File ▸ History store…) and use the History tab's Save as baseline…");
    m_results->setComparisonHint(nothingToCompareYet(howToSave));
}

bool MainWindow::startRun(bool quickCheck)
{
    const MeasurementSettings s = quickCheck ? MeasurementSettings::quickCheck() : m_measurement->settings();
    if (m_controller->start(m_tree->checkedIds(), s, quickCheck))
        return true;
    if (!m_controller->isRunning())
        m_status->setStatus(m_controller->lastError());
    return false;
}

void MainWindow::compareCommands()
{
    CompareCommandsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Expected<CommandLineCommands> commands = dialog.commands();
    Expected<void> used = commands ? m_suites->useCommands(*commands) : Expected<void>(commands.error());
    if (!used) {
        showError(this, tr("Commands not compared"), used.error().message);
        return;
    }
    MeasurementSettings settings = m_measurement->settings();
    settings.sampleCount = dialog.runs();
    if (!m_controller->start(m_tree->checkedIds(), settings, false))
        m_status->setStatus(m_controller->lastError());
}

void MainWindow::stopRun()
{
    if (!m_controller->isRunning())
        return;
    m_controller->stop();
    m_status->setStatus(tr("Stopping…"));
}

bool MainWindow::applyCommandLine(const CommandLineOptions& options)
{
    const bool suiteOpened = m_suites->applyCommandLine(options);
    m_measurement->takeFlags(options); // a flag beats the suite's defaults, as in the headless run
    return suiteOpened;
}

void MainWindow::onRunFinished(const RunResult& run)
{
    m_refresh->stop();
    m_tree->setRunning({});
    m_live->refresh();
    RunResult shown = run;
    shown.results = m_comparisons->measured(); // with the baseline comparisons made as they finished
    m_shown->showFinished(std::move(shown));
    m_live->endRun();
    m_results->setEmptyHint(idleHint());
    m_status->setRunning(false);
    m_status->setStatus(run.cancelled ? tr("Stopped: %1 finished").arg(workloadCount(int(run.results.size())))
                                      : tr("Finished %1").arg(workloadCount(int(run.results.size()))));
    m_runsMenu->setRuns(m_controller->runLabels());
    updateRunState();
    if (!run.cancelled && !m_comparisons->measured().empty()) {
        // The outcome comes forward: the table, with a workload's distribution and samples.
        m_tabs->setCurrentWidget(m_results);
        // The first row's two charts are built on the event loop's next pass, after the table
        // has been painted: either piece alone keeps the GUI thread well under 50 ms.
        QTimer::singleShot(0, this, [this, id = m_comparisons->measured().front().info.id, started = run.info.started] {
            const std::optional<RunResult>& shownRun = m_shown->run();
            if (shownRun && shownRun->info.started == started && m_results->selectedId().isEmpty())
                m_results->selectWorkload(id);
        });
    }
}

void MainWindow::showRun(int index)
{
    if (index < 0 || index >= int(m_controller->runs().size()) || m_controller->isRunning())
        return;
    m_shown->showWindowRun(m_controller->runs()[std::size_t(index)]);
    m_status->setStatus(tr("Showing %1").arg(m_controller->runLabel(index)));
}

void MainWindow::updateRunState()
{
    const bool running = m_controller->isRunning();
    const bool anyChecked = !m_tree->checkedIds().isEmpty();
    m_runAction->setEnabled(!running && anyChecked);
    m_quickAction->setEnabled(!running && anyChecked);
    m_stopAction->setEnabled(running);
    if (m_compareAction)
        m_compareAction->setEnabled(!running);
    m_runsMenu->setRunning(running);
}

void MainWindow::applyTheme()
{
    const charts::ChartLook look = charts::screenLook(palette());
    m_live->setLook(look);
    m_results->setLook(look);
    m_comparison->setLook(look);
    m_historyView->setLook(look);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme(); // follow a switch between light and dark
    QMainWindow::changeEvent(event);
}

void MainWindow::restoreSettings()
{
    QSettings s;
    placeWindow(*this, s.value(settings::kWindowGeometry).toByteArray(), kPreferredSize);
    restoreState(s.value(settings::kWindowState).toByteArray());
    m_measurement->restore(s);
    if (s.contains(settings::kCheckedWorkloads))
        m_tree->setCheckedIds(s.value(settings::kCheckedWorkloads).toStringList());
}

void MainWindow::saveSettings() const
{
    QSettings s;
    s.setValue(settings::kWindowGeometry, saveGeometry());
    s.setValue(settings::kWindowState, saveState());
    m_measurement->save(s);
    s.setValue(settings::kCheckedWorkloads, m_tree->checkedIds());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_controller->stop();
    saveSettings();
    event->accept();
}

} // namespace crucible::gui
