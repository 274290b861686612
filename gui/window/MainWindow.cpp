#include "MainWindow.h"

#include "BaselinePicker.h"
#include "ChartHost.h"
#include "Comparison.h"
#include "ComparisonView.h"
#include "EnvironmentBadge.h"
#include "ErrorMessage.h"
#include "ExportJob.h"
#include "HistoryView.h"
#include "InBackground.h"
#include "LiveView.h"
#include "PairRatios.h"
#include "RatioChart.h"
#include "ResultsView.h"
#include "RunController.h"
#include "ScreenLook.h"
#include "SettingsKeys.h"
#include "WindowGeometry.h"
#include "WindowHistory.h"
#include "WorkloadCount.h"
#include "WorkloadRegistry.h"
#include "WorkloadTree.h"
#include "cli/TerminalProgress.h"
#include "export/ReportFiles.h"
#include "gates/Gates.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

namespace crucible::gui {

namespace {
// Overlays: the baseline plus at most this many of the latest runs.
constexpr int kRecentOverlays = 3;
// Redraw rate of the live charts while samples stream in, and the shortest interval between
// two progress updates of the status bar. Drawing is most of what the GUI thread does during a
// run, and on a machine with few cores every millisecond of it is taken from the measuring
// thread (benchmarks/bench_gui: at 5 frames a second the GUI thread is busy ~4% of the time).
constexpr int kRefreshIntervalMs = 200;
constexpr int kProgressIntervalMs = 250;
// The first size where the screen has room: the tree, the charts and the tool bar side by side.
constexpr QSize kPreferredSize{1360, 860};
} // namespace

MainWindow::MainWindow(const WorkloadRegistry& registry, ExternalReports reports, QWidget* parent)
    : QMainWindow(parent), m_controller(new RunController(registry, this)), m_reports(std::move(reports)),
      m_refresh(new QTimer(this))
{
    setWindowTitle(tr("Crucible Bench"));
    buildActions();
    buildLayout();
    connectController();
    connectHistory();
    m_export = new ExportJob(this);
    connect(m_export, &ExportJob::finished, this, &MainWindow::onExportFinished);
    restoreSuite(); // the last suite, else the built-in default suite: the tree's workloads
    restoreSettings();
    applyTheme();
    m_refresh->setInterval(kRefreshIntervalMs);
    connect(m_refresh, &QTimer::timeout, m_live, &LiveView::refresh);
    updateRunState();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    buildSuiteActions(file);
    QMenu* exportMenu = file->addMenu(tr("&Export shown run"));
    QAction* exportAll = exportMenu->addAction(tr("All formats…"), this, [this] {
        QStringList formats{QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("md")};
        for (const ExternalReport& r : m_reports)
            formats << r.format;
        exportInteractively(formats);
    });
    exportAll->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    exportMenu->addAction(tr("JSON (results.json)…"), this, [this] { exportInteractively({QStringLiteral("json")}); });
    exportMenu->addAction(tr("CSV (summary.csv, samples.csv)…"), this,
                          [this] { exportInteractively({QStringLiteral("csv")}); });
    exportMenu->addAction(tr("Markdown (summary.md)…"), this, [this] { exportInteractively({QStringLiteral("md")}); });
    for (const ExternalReport& r : m_reports)
        exportMenu->addAction(tr("%1 (%2)…").arg(r.format.toUpper(), r.fileName), this,
                              [this, format = r.format] { exportInteractively({format}); });
    file->addAction(tr("History &store…"), this, &MainWindow::chooseHistoryLocation);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    m_runAction = run->addAction(tr("&Run"), this, [this] { startRun(false); });
    m_runAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+R")));
    m_quickAction = run->addAction(tr("&Quick check"), this, [this] { startRun(true); });
    m_quickAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+R")));
    m_stopAction = run->addAction(tr("&Stop"), this, &MainWindow::stopRun);
    m_stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    // The runs made in this window, to show again; the store's runs are in the History tab.
    m_runsMenu = menuBar()->addMenu(tr("&Window runs"));
}

void MainWindow::buildLayout()
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
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_live, tr("Live"));
    m_tabs->addTab(m_results, tr("Results"));
    m_tabs->addTab(m_comparison, tr("Comparison"));
    m_history = new WindowHistory(this);
    m_historyView = new HistoryView(m_history->loader());
    m_tabs->addTab(m_historyView, tr("History"));
    setCentralWidget(m_tabs);
    m_live->setIdleHint(idleHint());
    m_results->setEmptyHint(idleHint());

    QToolBar* bar = addToolBar(tr("Run"));
    bar->setObjectName(QStringLiteral("runToolBar"));
    bar->addAction(m_runAction);
    bar->addAction(m_quickAction);
    bar->addAction(m_stopAction);
    bar->addSeparator();
    m_sampleSize = new QSpinBox;
    m_sampleSize->setRange(2, 10'000);
    m_sampleSize->setSuffix(tr(" samples"));
    m_warmUp = new QDoubleSpinBox;
    m_warmUp->setRange(0, 600);
    m_warmUp->setSuffix(tr(" s warm-up"));
    m_measurement = new QDoubleSpinBox;
    m_measurement->setRange(0.01, 3600);
    m_measurement->setSuffix(tr(" s measured"));
    bar->addWidget(m_sampleSize);
    bar->addWidget(m_warmUp);
    bar->addWidget(m_measurement);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Baseline: ")));
    m_baseline = new BaselinePicker;
    bar->addWidget(m_baseline);

    m_statusText = new QLabel(tr("Ready"));
    // A long message is cut at the window's edge rather than widening the window past the screen.
    m_statusText->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(260);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_eta = new QLabel;
    statusBar()->addWidget(m_statusText, 1);
    m_environmentBadge = new EnvironmentBadge;
    statusBar()->addPermanentWidget(m_environmentBadge);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_eta);
    refillRunLists();
}

QString MainWindow::idleHint() const
{
    return tr("Choose workloads on the left and press Run, %1")
        .arg(m_runAction->shortcut().toString(QKeySequence::NativeText));
}

void MainWindow::connectController()
{
    connect(m_controller, &RunController::runStarted, this, [this](int count) {
        m_liveResults.clear();
        m_results->setEmptyHint(tr("Results appear here as each workload finishes."));
        m_results->setResults({});
        updateMeasuredAgainst(); // now of the run starting
        m_progress->setValue(0);
        m_live->startRun();
        m_statusText->setText(tr("Running %1…").arg(workloadCount(count)));
        m_live->setExpectedSamples(m_controller->runSettings().sampleCount);
        m_tabs->setCurrentWidget(m_live);
        m_refresh->start();
        updateRunState();
    });
    connect(m_controller, &RunController::workloadStarted, this, [this](int, int, const WorkloadInfo& info) {
        m_live->showWorkload(info, earlierResults(info.id));
        m_tree->setRunning(m_live->shownIds()); // what the charts draw is what the tree marks
    });
    connect(m_controller, &RunController::samplesAvailable, m_live, &LiveView::addSamples);
    connect(m_controller, &RunController::referenceMeasured, m_live, &LiveView::addReference);
    connect(m_controller, &RunController::progressChanged, this, &MainWindow::updateProgress);
    connect(m_controller, &RunController::workloadFinished, this, &MainWindow::onWorkloadFinished);
    connect(m_controller, &RunController::runFinished, this, &MainWindow::onRunFinished);
    connect(m_tree, &WorkloadTree::selectionChanged, this, &MainWindow::updateRunState);
    connect(m_results, &ResultsView::workloadSelected, this, [this](const QString& id) {
        if (m_controller->isRunning() || !m_shownRun)
            return; // while running, the live view follows the run
        for (const Result& r : m_shownRun->results) {
            if (r.info.id == id) {
                const LiveOverlays earlier = earlierResults(id);
                m_live->showResult(r, earlier);
                m_results->setReference(id, earlier.baseline);
            }
        }
    });
}

bool MainWindow::startRun(bool quickCheck)
{
    const MeasurementSettings s = quickCheck ? MeasurementSettings::quickCheck() : settings();
    if (m_controller->start(m_tree->checkedIds(), s, quickCheck))
        return true;
    if (!m_controller->isRunning())
        m_statusText->setText(m_controller->lastError());
    return false;
}

void MainWindow::stopRun()
{
    if (!m_controller->isRunning())
        return;
    m_controller->stop();
    m_statusText->setText(tr("Stopping…"));
}

MeasurementSettings MainWindow::settings() const
{
    MeasurementSettings s;
    s.sampleCount = m_sampleSize->value();
    s.warmUpSeconds = m_warmUp->value();
    s.measurementSeconds = m_measurement->value();
    return s;
}

void MainWindow::updateProgress(const Progress& p)
{
    // Up to 20 updates a second come while the measuring thread needs the CPU: shown at most
    // every kProgressIntervalMs (a new workload at once), and each widget touched only when what
    // it shows changes (a label's new text lays the status bar out again).
    const QString status = tr("[%1/%2] %3").arg(p.workloadIndex + 1).arg(p.workloadCount).arg(p.workloadId);
    const bool newWorkload = m_statusText->text() != status;
    if (!newWorkload && m_sinceProgress.isValid() && m_sinceProgress.elapsed() < kProgressIntervalMs)
        return;
    m_sinceProgress.start();
    if (newWorkload)
        m_statusText->setText(status);
    const int value = int(p.overallFraction * 1000);
    if (value != m_progress->value())
        m_progress->setValue(value);
    const QString eta = tr("ETA %1").arg(formatEta(p.etaSeconds));
    if (m_eta->text() != eta)
        m_eta->setText(eta);
}

void MainWindow::onWorkloadFinished(const Result& finished)
{
    m_liveResults.push_back(finished);
    m_results->upsert(finished);
    compareWithWindowRun(finished); // with history, MainWindowHistory.cpp compares
}

void MainWindow::onRunFinished(const RunResult& run)
{
    m_refresh->stop();
    m_tree->setRunning({});
    m_live->refresh();
    RunResult shown = run;
    shown.results = m_liveResults; // with the baseline comparisons made as they finished
    m_shownRun = shown;
    showComparison(run);
    m_live->endRun();
    m_results->setEmptyHint(idleHint());
    m_statusText->setText(run.cancelled ? tr("Stopped: %1 finished").arg(workloadCount(int(run.results.size())))
                                        : tr("Finished %1").arg(workloadCount(int(run.results.size()))));
    m_eta->clear();
    refillRunLists();
    updateRunState();
    if (!run.cancelled && !m_liveResults.empty()) {
        // The outcome comes forward: the table, with a workload's distribution and samples.
        m_tabs->setCurrentWidget(m_results);
        // The first row's two charts are built on the event loop's next pass, after the table
        // has been painted: either piece alone keeps the GUI thread well under 50 ms.
        QTimer::singleShot(0, this, [this, id = m_liveResults.front().info.id, started = run.info.started] {
            if (m_shownRun && m_shownRun->info.started == started && m_results->selectedId().isEmpty())
                m_results->selectWorkload(id);
        });
    }
}

void MainWindow::showRun(int index)
{
    const std::vector<RunResult>& runs = m_controller->runs();
    if (index < 0 || index >= int(runs.size()) || m_controller->isRunning())
        return;
    RunResult run = runs[std::size_t(index)];
    m_shownRun = run;
    m_shownRunId = 0;  // the window's own list; the History tab reopens recorded runs
    m_shownSerial = 0; // late comparisons of the last run are not this one's
    m_shownTrends.clear();
    m_trendsPending = false;
    m_results->setResults(run.results);
    showComparison(run);
    m_statusText->setText(tr("Showing %1").arg(runLabel(index)));
    m_tabs->setCurrentWidget(m_results);
    recompareShownWindowRun(); // the list keeps runs as measured: compared with the picker's choice
}

void MainWindow::showComparison(const RunResult& run)
{
    m_environmentBadge->setEnvironment(run.info.environment);
    // The pairs' bootstrap intervals and the claims' take a while on a large run: computed off
    // the GUI thread. A run of the window's suite has its budgets and claims evaluated here, as
    // a headless run does before writing its files, unless it carries them already.
    struct Verdicts {
        std::vector<PairRatio> pairs;
        std::vector<BudgetOutcome> budgets;
        std::vector<ClaimOutcome> claims;
    };
    std::optional<Suite> suite;
    if (run.info.suiteName == m_controller->suite().name && run.budgets.empty() && run.claims.empty())
        suite = m_controller->suite();
    const quint64 serial = ++m_verdictSerial;
    m_verdictsPending = true;
    m_comparison->showPending(tr("Computing the pairs' ratios and the suite's budgets and claims…"));
    runInBackground(
        this,
        [run, suite = std::move(suite)] {
            RunResult r = run;
            if (suite)
                evaluateGates(*suite, r);
            return Verdicts{pairRatios(r), r.budgets, r.claims};
        },
        [this, serial](const Verdicts& v) {
            if (serial != m_verdictSerial)
                return; // another run is shown by now
            m_verdictsPending = false;
            if (m_shownRun) {
                m_shownRun->budgets = v.budgets; // so that exports carry them
                m_shownRun->claims = v.claims;
            }
            m_comparison->showVerdicts(v.pairs, v.budgets, v.claims);
            Q_EMIT verdictsShown();
            startQueuedExport();
        });
}

QString MainWindow::runLabel(int index) const
{
    const RunResult& run = m_controller->runs()[std::size_t(index)];
    return tr("Run %1 (%2, %3)")
        .arg(index + 1)
        .arg(run.info.started.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
             workloadCount(int(run.results.size())));
}

LiveOverlays MainWindow::earlierResults(const QString& id) const
{
    if (m_history && m_history->isOpen())
        return historyOverlays(id); // fetched when the workload started
    // Without a store: the window's own runs of this session, all measured in this process.
    LiveOverlays earlier;
    const std::vector<RunResult>& runs = m_controller->runs();
    const int baseIndex = windowBaselineIndex(comparedWindowRun());
    const RunResult* base = baseIndex >= 0 ? &runs[std::size_t(baseIndex)] : nullptr;
    // A finished run shown in the live charts is not its own history.
    const bool showingFinished = !m_controller->isRunning() && m_shownRun;
    auto find = [&](const RunResult& run, const QString& label) -> std::optional<EarlierRun> {
        if (showingFinished && run.info.started == m_shownRun->info.started)
            return std::nullopt;
        for (const Result& r : run.results)
            if (r.info.id == id && !r.samples.empty())
                return EarlierRun{r, label, run.info.started, true};
        return std::nullopt;
    };
    if (base)
        earlier.baseline = find(*base, tr("baseline"));
    const int first = std::max(0, int(runs.size()) - kRecentOverlays);
    for (int i = first; i < int(runs.size()); ++i)
        if (&runs[std::size_t(i)] != base)
            if (std::optional<EarlierRun> r = find(runs[std::size_t(i)], tr("run %1").arg(i + 1)))
                earlier.recent.push_back(std::move(*r));
    return earlier;
}

void MainWindow::refillRunLists()
{
    const std::vector<RunResult>& runs = m_controller->runs();
    if (m_history && m_history->isOpen()) {
        fillBaselinePicker(); // the store's baselines; this window's runs are in the store too
    } else {
        // By default the previous run is the baseline of the next, as in the headless runner.
        fillWindowBaselinePicker();
    }
    m_runsMenu->clear();
    for (int i = int(runs.size()) - 1; i >= 0; --i)
        m_runsMenu->addAction(runLabel(i), this, [this, i] { showRun(i); });
    if (runs.empty()) {
        // Said, not greyed out: an empty menu beside a History tab full of runs puzzles.
        m_runsMenu->addAction(tr("No run in this window yet"))->setData(QStringLiteral("placeholder"));
    }
    m_runsMenu->addSeparator();
    m_runsMenu->addAction(tr("Runs in the history store…"), this, [this] { m_tabs->setCurrentWidget(m_historyView); });
    updateRunState();
}

void MainWindow::updateRunState()
{
    const bool running = m_controller->isRunning();
    const bool anyChecked = !m_tree->checkedIds().isEmpty();
    m_openSuite->setEnabled(!running);
    m_recentSuites->setEnabled(!running);
    m_runAction->setEnabled(!running && anyChecked);
    m_quickAction->setEnabled(!running && anyChecked);
    m_stopAction->setEnabled(running);
    // The progress bar says how far a run is; between runs a full bar would say nothing.
    m_progress->setVisible(running);
    m_eta->setVisible(running);
    // While a run measures, the shown run stays the one going on; the placeholder only informs.
    for (QAction* action : m_runsMenu->actions())
        action->setEnabled(!running && action->data().toString() != QLatin1String("placeholder"));
}

bool MainWindow::exportShownRun(const QString& dir, const QStringList& formats, QString* errorOut)
{
    QString error;
    if (!m_shownRun)
        error = tr("There is no finished run to export yet.");
    else if (m_export->isRunning() || m_queuedExport)
        error = tr("An export is still being written.");
    if (error.isEmpty()) {
        m_exportQuiet = errorOut != nullptr;
        m_queuedExport = std::make_pair(dir, formats);
        startQueuedExport();
        return true;
    }
    if (errorOut)
        *errorOut = error;
    else
        showError(this, tr("Export failed"), error);
    return false;
}

void MainWindow::exportInteractively(const QStringList& formats)
{
    QSettings settings;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export into folder"),
                                                          settings.value(QStringLiteral("exportDir")).toString());
    if (dir.isEmpty())
        return;
    settings.setValue(QStringLiteral("exportDir"), dir);
    exportShownRun(dir, formats); // onExportFinished() says how it went
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
    // A saved geometry is kept when it still fits this screen; otherwise (first start, or a
    // smaller screen since) the window takes what the screen has room for.
    const auto availableOn = [](const QScreen* screen) {
        return screen ? screen->availableGeometry() : QRect(QPoint(0, 0), kPreferredSize);
    };
    const bool restored = restoreGeometry(s.value(settings::kWindowGeometry).toByteArray());
    // Judged on the screen the saved window is on (a second monitor stays the window's place),
    // else on the window's own screen or the primary one.
    const QScreen* savedOn = restored ? QGuiApplication::screenAt(geometry().center()) : nullptr;
    if (!savedOn || !fitsOnScreen(geometry(), availableOn(savedOn))) {
        const QScreen* screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
        setGeometry(firstWindowGeometry(kPreferredSize, availableOn(screen)));
    }
    restoreState(s.value(settings::kWindowState).toByteArray());
    const MeasurementSettings defaults;
    m_sampleSize->setValue(s.value(settings::kSampleCount, defaults.sampleCount).toInt());
    m_warmUp->setValue(s.value(settings::kWarmUpSeconds, defaults.warmUpSeconds).toDouble());
    m_measurement->setValue(s.value(settings::kMeasurementSeconds, defaults.measurementSeconds).toDouble());
    if (s.contains(settings::kCheckedWorkloads))
        m_tree->setCheckedIds(s.value(settings::kCheckedWorkloads).toStringList());
}

void MainWindow::saveSettings() const
{
    QSettings s;
    s.setValue(settings::kWindowGeometry, saveGeometry());
    s.setValue(settings::kWindowState, saveState());
    s.setValue(settings::kSampleCount, m_sampleSize->value());
    s.setValue(settings::kWarmUpSeconds, m_warmUp->value());
    s.setValue(settings::kMeasurementSeconds, m_measurement->value());
    s.setValue(settings::kCheckedWorkloads, m_tree->checkedIds());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_controller->stop();
    saveSettings();
    event->accept();
}

} // namespace crucible::gui
