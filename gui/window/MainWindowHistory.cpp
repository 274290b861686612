// MainWindow's side of the history store: recording runs, comparing them with the picker's
// baseline, the live overlays of earlier runs, the History tab and reopening past runs. Kept
// apart from MainWindow.cpp, which wires the run itself; everything here listens to the same
// controller and only adds to what the window shows.
#include "MainWindow.h"

#include "BaselinePicker.h"
#include "HistoryLoader.h"
#include "HistoryView.h"
#include "InBackground.h"
#include "LiveView.h"
#include "ResultsView.h"
#include "RunController.h"
#include "SettingsKeys.h"
#include "VerdictPalette.h"
#include "WindowHistory.h"
#include "WorkloadTree.h"
#include "history/HistoryLocation.h"

#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScopeGuard>
#include <QSettings>
#include <QStatusBar>
#include <QSysInfo>
#include <QTabWidget>

namespace crucible::gui {

namespace {

// The store as the status bar names it: the file's name, or host/database.
QString storeName(const QString& location)
{
    const Expected<history::HistoryLocation> parsed = history::parseHistoryLocation(location);
    return parsed ? parsed->shortName() : location;
}

// Wide enough for the gist of why a store cannot be used; the tool tip has all of it.
constexpr int kHistoryReasonWidth = 420;

} // namespace

void MainWindow::connectHistory()
{
    m_historyStatus = new QLabel(tr("History: off"));
    statusBar()->addPermanentWidget(m_historyStatus);

    auto report = [this](const QString& message) { m_statusText->setText(message); };
    connect(m_history, &WindowHistory::opened, this, [this](const QString& location) {
        m_historyStatus->setText(tr("History: %1").arg(storeName(location)));
        m_historyStatus->setToolTip(tr("Runs are recorded in %1").arg(location));
        m_historyStatus->setStyleSheet(QString());
        m_historyView->reload();
        refillRunLists();
    });
    connect(m_history, &WindowHistory::openFailed, this, [this, report](const QString& message) {
        // The reason stays in this permanent widget: the run's progress takes the status text.
        const QString reason = tr("History unavailable: %1").arg(message.simplified()); // one line
        m_historyStatus->setText(
            m_historyStatus->fontMetrics().elidedText(reason, Qt::ElideMiddle, kHistoryReasonWidth));
        m_historyStatus->setToolTip(reason);
        m_historyStatus->setStyleSheet(QStringLiteral("color: %1").arg(failureColor().name()));
        report(tr("%1. The window goes on without history (File ▸ History store… chooses another).")
                   .arg(message.simplified()));
        m_historyView->showUnavailable(
            tr("The history cannot be used:\n%1\n\nRuns are not recorded. File ▸ History store… "
               "chooses another store; the command line's --db does too.")
                .arg(message));
        refillRunLists();
    });
    connect(m_history, &WindowHistory::failed, this, [this, report](const QString& message) {
        report(message);
        // Whatever failed (recording, or loading the trends), the shown run gets no trends; an
        // export waiting for them goes ahead without.
        m_trendsPending = false;
        startQueuedExport();
    });
    connect(m_historyView, &HistoryView::failed, this, report);
    connect(m_history, &WindowHistory::baselinesChanged, this, &MainWindow::fillBaselinePicker);
    connect(m_historyView, &HistoryView::baselineSaved, this, [this, report](const QString& name, qint64 runId) {
        report(tr("Run %1 is now baseline \"%2\".").arg(runId).arg(name));
        m_history->refreshBaselines();
    });
    connect(m_baseline, &QComboBox::activated, this, [this] {
        // The shown run is compared again with the baseline now chosen: a reopened (or
        // recorded) run by the store, a run of the window without one.
        if (m_history->isOpen() && !m_controller->isRunning() && m_shownRunId > 0)
            showStoredRun(m_shownRunId);
        else
            recompareShownWindowRun();
        updateMeasuredAgainst();
    });

    // A run: its scope first, then each workload's earlier results as it starts (the
    // controller's other listeners, connected before, have shown the workload already).
    connect(m_controller, &RunController::runStarted, this, [this] {
        ++m_runSerial;
        m_uncompared.clear();
        if (m_history->isOpen())
            m_history->setScope(m_controller->suiteName(), QSysInfo::machineHostName(), 0, baselineChoice());
    });
    connect(m_controller, &RunController::workloadStarted, this, [this](int, int, const WorkloadInfo& info) {
        if (!m_history->isOpen())
            return;
        m_history->fetchEarlier(info.id);
        if (m_history->earlier(info.id))
            onEarlierReady(info.id); // fetched before: an interleaved pair's side comes back
    });
    connect(m_history, &WindowHistory::earlierReady, this, &MainWindow::onEarlierReady);
    connect(m_controller, &RunController::workloadFinished, this, [this](const Result& result) {
        if (!m_history->isOpen())
            return;
        if (const EarlierResults* earlier = m_history->earlier(result.info.id))
            compareInBackground(result, *earlier);
        else
            m_uncompared << result.info.id;
    });
    connect(m_controller, &RunController::runFinished, this, [this](const RunResult& run) {
        m_shownSerial = m_runSerial;
        m_shownRunId = 0;
        m_shownTrends.clear();
        m_trendsPending = m_history->isOpen() && !run.results.empty();
        if (m_trendsPending)
            m_history->record(run); // then its trends are loaded
    });
    connect(m_history, &WindowHistory::recorded, this, [this](qint64 runId, const QDateTime& started) {
        m_historyStatus->setText(tr("History: run %1 recorded in %2").arg(runId).arg(storeName(m_history->location())));
        if (m_shownRun && m_shownSerial != 0 && m_shownRun->info.started == started) {
            m_shownRunId = runId;
            m_history->loadTrends(*m_shownRun, runId);
        }
        // (A run reopened meanwhile has asked for its own trends.)
        m_historyView->reload();
        Q_EMIT runRecorded(runId);
    });
    connect(m_history, &WindowHistory::trendsLoaded, this,
            [this](qint64 runId, const std::vector<WorkloadTrend>& trends) {
                if (runId != m_shownRunId)
                    return;
                m_shownTrends = trends;
                m_trendsPending = false;
                Q_EMIT shownTrendsLoaded();
                startQueuedExport();
                if (std::exchange(m_exportWhenLoaded, false)) {
                    QStringList formats{QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("md")};
                    for (const ExternalReport& r : m_reports)
                        formats << r.format;
                    exportInteractively(formats);
                }
            });

    // The History tab: its trend follows the workload chosen elsewhere; its runs reopen.
    connect(m_results, &ResultsView::workloadSelected, this, [this](const QString& id) {
        m_historyView->showWorkload(id);
        if (m_history->isOpen() && !m_controller->isRunning() && m_shownRun)
            m_history->fetchEarlier(id); // overlays for the live charts, which show the row
    });
    connect(m_tree, &WorkloadTree::workloadActivated, m_historyView, &HistoryView::showWorkload);
    connect(m_historyView, &HistoryView::openRunRequested, this, &MainWindow::showStoredRun);
    connect(m_historyView, &HistoryView::exportRunRequested, this, [this](qint64 runId) {
        m_exportWhenLoaded = true;
        showStoredRun(runId);
    });
    connect(m_history, &WindowHistory::runLoaded, this, &MainWindow::onStoredRunLoaded);
}

void MainWindow::openHistory(const QString& location)
{
    m_historyStatus->setText(tr("History: opening…"));
    m_historyStatus->setToolTip(location.isEmpty() ? history::defaultHistoryPath() : location);
    m_historyView->showUnavailable(
        tr("Opening the history store %1…").arg(location.isEmpty() ? history::defaultHistoryPath() : location));
    m_history->open(location);
    // Another store: an export waiting for the shown run's trends goes ahead without them.
    m_trendsPending = false;
    startQueuedExport();
}

void MainWindow::whenHistoryReady(std::function<void()> then)
{
    if (m_history->loader()->state() != HistoryLoader::State::Opening) {
        then();
        return;
    }
    auto connections = std::make_shared<std::pair<QMetaObject::Connection, QMetaObject::Connection>>();
    auto once = [connections, then] {
        QObject::disconnect(connections->first);
        QObject::disconnect(connections->second);
        then();
    };
    connections->first = connect(m_history, &WindowHistory::opened, this, once);
    connections->second = connect(m_history, &WindowHistory::openFailed, this, once);
}

void MainWindow::closeHistory()
{
    m_history->close();
    m_historyStatus->setText(tr("History: off"));
    m_historyStatus->setToolTip(tr("Runs are not recorded (--no-history)"));
    m_historyView->showUnavailable(
        tr("History is off: runs of this window are not recorded, and are compared only with "
           "each other. File ▸ History store… opens a store."));
    refillRunLists();
}

void MainWindow::chooseHistoryLocation()
{
    bool ok = false;
    const QString location =
        QInputDialog::getText(
            this, tr("History store"),
            tr("A SQLite file, or postgresql://user@host:port/database.\nEmpty: the per-user store, %1")
                .arg(history::defaultHistoryPath()),
            QLineEdit::Normal, QSettings().value(settings::kHistoryLocation).toString(), &ok)
            .trimmed();
    if (!ok)
        return;
    QSettings().setValue(settings::kHistoryLocation, location);
    openHistory(location);
}

LiveOverlays MainWindow::historyOverlays(const QString& id) const
{
    const EarlierResults* earlier = m_history->earlier(id);
    return earlier ? WindowHistory::overlays(*earlier) : LiveOverlays{};
}

void MainWindow::onEarlierReady(const QString& id)
{
    const EarlierResults* earlier = m_history->earlier(id);
    if (!earlier)
        return;
    if (m_live->currentId() == id) {
        const LiveOverlays overlays = WindowHistory::overlays(*earlier);
        m_live->setEarlier(id, overlays);
        if (!m_controller->isRunning()) {
            m_live->refresh(); // while running, the window's timer redraws
            m_results->setReference(id, overlays.baseline);
        }
    }
    if (m_uncompared.removeAll(id) > 0) {
        const auto it =
            std::find_if(m_liveResults.begin(), m_liveResults.end(), [&](const Result& r) { return r.info.id == id; });
        if (it != m_liveResults.end())
            compareInBackground(*it, *earlier);
        startQueuedExport(); // when there was nothing to compare with, nothing else will
    }
}

void MainWindow::compareInBackground(const Result& result, const EarlierResults& earlier)
{
    if (!earlier.baseline || result.status != Status::Ok)
        return;
    // The bootstrap of a comparison takes tens of milliseconds: never on the GUI thread.
    ++m_comparing[m_runSerial];
    // While the run goes on the shown run is an earlier one: what is known of this run so far.
    const RunInfo candidateRun =
        m_shownRun && m_shownSerial == m_runSerial ? m_shownRun->info : m_controller->runInfo();
    runInBackground(
        this,
        [result, baseline = earlier.baseline->result,
         context = earlier.judgeContext(candidateRun, kDefaultNoiseThresholdPct)] {
            Result compared = result;
            compareWithBaseline(compared, baseline, context);
            return compared;
        },
        [this, serial = m_runSerial](const Result& compared) { applyComparison(serial, compared); });
}

void MainWindow::applyComparison(quint64 runSerial, const Result& compared)
{
    if (const auto it = m_comparing.find(runSerial); it != m_comparing.end() && --it->second <= 0)
        m_comparing.erase(it);
    // Applied below first: an export waiting for this comparison must carry it.
    const auto exportAfter = qScopeGuard([this] { startQueuedExport(); });
    if (runSerial != m_runSerial && runSerial != m_shownSerial)
        return; // a run long gone
    auto replace = [&](std::vector<Result>& results) {
        for (Result& r : results)
            if (r.info.id == compared.info.id)
                r.baseline = compared.baseline;
    };
    if (runSerial == m_runSerial)
        replace(m_liveResults);
    // A recompare of the shown run under way (the picker changed after the run ended) replaces
    // every comparison: one of the run's own, arriving late, must not land on top of it.
    const bool shown = runSerial == m_shownSerial && m_shownRun && m_recomparing == 0;
    if (shown)
        replace(m_shownRun->results);
    if ((m_controller->isRunning() && runSerial == m_runSerial) || shown) {
        m_results->upsert(compared);
        updateMeasuredAgainst();
    }
}

void MainWindow::showStoredRun(qint64 runId)
{
    if (!m_history->isOpen() || m_controller->isRunning() || runId <= 0)
        return;
    m_statusText->setText(tr("Loading run %1 from the history…").arg(runId));
    m_history->loadRun(runId, baselineChoice());
}

void MainWindow::onStoredRunLoaded(qint64 runId, const RunResult& run)
{
    if (m_controller->isRunning())
        return; // the results table follows the run going on
    m_shownRun = run;
    m_shownRunId = runId;
    m_shownSerial = 0;
    m_shownTrends.clear();
    m_trendsPending = true; // loaded below
    m_results->setResults(run.results);
    showComparison(run);
    updateMeasuredAgainst();
    m_statusText->setText(tr("Showing run %1 from the history: %2 on %3, %4")
                              .arg(runId)
                              .arg(run.info.suiteName, run.info.host,
                                   QLocale().toString(run.info.started.toLocalTime(), QLocale::ShortFormat)));
    m_tabs->setCurrentWidget(m_results);
    // Overlays for its rows: the runs before it, as when it ran.
    m_history->setScope(run.info.suiteName, run.info.host, runId, baselineChoice());
    m_history->loadTrends(run, runId);
    m_historyView->selectRun(runId);
    Q_EMIT storedRunShown(runId);
}

} // namespace crucible::gui
