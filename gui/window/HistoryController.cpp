#include "HistoryController.h"

#include "BaselinePicker.h"
#include "HistoryLoader.h"
#include "HistoryStatus.h"
#include "HistoryView.h"
#include "RunController.h"
#include "SettingsKeys.h"
#include "WindowHistory.h"
#include "history/HistoryLocation.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QLocale>
#include <QSettings>

#include <memory>

namespace crucible::gui {

HistoryController::HistoryController(WindowHistory* history, HistoryView* view, HistoryStatus* statusWidget,
                                     ShownRun* shown, const RunController* controller, const BaselinePicker* picker,
                                     QWidget* window)
    : QObject(window), m_history(history), m_view(view), m_statusWidget(statusWidget), m_shown(shown),
      m_controller(controller), m_picker(picker), m_window(window)
{
    connect(m_history, &WindowHistory::opened, this, [this](const QString& location) {
        m_statusWidget->showOpened(location);
        m_view->reload();
    });
    connect(m_history, &WindowHistory::openFailed, this, [this](const QString& message) {
        m_statusWidget->showUnavailable(message);
        Q_EMIT status(tr("%1. The window goes on without history (File ▸ History store… chooses another).")
                          .arg(message.simplified()));
        m_view->showUnavailable(tr("The history cannot be used:\n%1\n\nRuns are not recorded. File ▸ History store… "
                                   "chooses another store; the command line's --db does too.")
                                    .arg(message));
    });
    connect(m_history, &WindowHistory::failed, this, [this](const QString& message) {
        Q_EMIT status(message);
        // Whatever failed (recording, or loading the trends), the shown run gets no trends; an
        // export waiting for them goes ahead without.
        m_shown->giveUp(ShownRun::Work::Trends);
    });
    connect(m_view, &HistoryView::failed, this, &HistoryController::status);
    connect(m_view, &HistoryView::baselineSaved, this, [this](const QString& name, qint64 runId) {
        Q_EMIT status(tr("Run %1 is now baseline \"%2\".").arg(runId).arg(name));
        m_history->refreshBaselines();
    });
    connect(m_shown, &ShownRun::shown, this, &HistoryController::loadShownTrends);
    connect(m_history, &WindowHistory::recorded, this, &HistoryController::onRecorded);
    connect(m_history, &WindowHistory::trendsLoaded, this, &HistoryController::onTrendsLoaded);
    connect(m_view, &HistoryView::openRunRequested, this, &HistoryController::showStoredRun);
    connect(m_view, &HistoryView::exportRunRequested, this, [this](qint64 runId) {
        m_exportWhenLoaded = true;
        showStoredRun(runId);
    });
    connect(m_history, &WindowHistory::runLoaded, this, &HistoryController::onStoredRunLoaded);
}

void HistoryController::open(const QString& location)
{
    const QString shown = location.isEmpty() ? history::defaultHistoryPath() : location;
    m_statusWidget->showOpening(shown);
    m_view->showUnavailable(tr("Opening the history store %1…").arg(shown));
    m_history->open(location);
    // Another store: an export waiting for the shown run's trends goes ahead without them.
    m_shown->giveUp(ShownRun::Work::Trends);
}

void HistoryController::close()
{
    m_history->close();
    m_statusWidget->showOff();
    m_view->showUnavailable(tr("History is off: runs of this window are not recorded, and are compared only with "
                               "each other. File ▸ History store… opens a store."));
}

void HistoryController::chooseLocation()
{
    bool ok = false;
    const QString location =
        QInputDialog::getText(
            m_window, tr("History store"),
            tr("A SQLite file, or postgresql://user@host:port/database.\nEmpty: the per-user store, %1")
                .arg(history::defaultHistoryPath()),
            QLineEdit::Normal, QSettings().value(settings::kHistoryLocation).toString(), &ok)
            .trimmed();
    if (!ok)
        return;
    QSettings().setValue(settings::kHistoryLocation, location);
    open(location);
}

void HistoryController::whenReady(std::function<void()> then)
{
    if (m_history->loader()->state() != HistoryLoader::State::Opening) {
        then();
        return;
    }
    auto connections = std::make_shared<std::pair<QMetaObject::Connection, QMetaObject::Connection>>();
    auto once = [connections, then = std::move(then)] {
        QObject::disconnect(connections->first);
        QObject::disconnect(connections->second);
        then();
    };
    connections->first = connect(m_history, &WindowHistory::opened, this, once);
    connections->second = connect(m_history, &WindowHistory::openFailed, this, once);
}

void HistoryController::loadShownTrends()
{
    switch (m_shown->source()) {
    case ShownRun::Source::Finished: {
        // The run as the controller has it: the shown one carries the window's comparisons,
        // which the store does not keep, in the order the workloads finished.
        const RunResult& run = m_controller->runs().back();
        if (!m_history->isOpen() || run.results.empty())
            return;
        m_trends = m_shown->expect(ShownRun::Work::Trends);
        m_history->record(run); // then onRecorded() loads its trends
        return;
    }
    case ShownRun::Source::Store:
        m_trends = m_shown->expect(ShownRun::Work::Trends);
        m_history->loadTrends(*m_shown->run(), m_shown->storeId());
        return;
    case ShownRun::Source::WindowList:
        return; // not in the store: no trends
    }
}

void HistoryController::onRecorded(qint64 runId, const QDateTime& started)
{
    m_statusWidget->showRecorded(runId, m_history->location());
    const std::optional<RunResult>& shown = m_shown->run();
    if (m_shown->source() == ShownRun::Source::Finished && shown && shown->info.started == started) {
        m_shown->setStoreId(runId);
        m_history->loadTrends(*shown, runId);
    }
    // (A run reopened meanwhile has asked for its own trends.)
    m_view->reload();
    Q_EMIT runRecorded(runId);
}

void HistoryController::onTrendsLoaded(qint64 runId, const std::vector<WorkloadTrend>& trends)
{
    if (runId != m_shown->storeId())
        return;
    m_shown->setTrends(trends);
    if (m_trends)
        m_shown->done(*std::exchange(m_trends, std::nullopt));
    if (std::exchange(m_exportWhenLoaded, false))
        Q_EMIT exportAsked();
}

void HistoryController::showStoredRun(qint64 runId)
{
    if (!m_history->isOpen() || m_controller->isRunning() || runId <= 0)
        return;
    Q_EMIT status(tr("Loading run %1 from the history…").arg(runId));
    m_history->loadRun(runId, m_picker->choice());
}

void HistoryController::onStoredRunLoaded(qint64 runId, const RunResult& run)
{
    if (m_controller->isRunning())
        return; // the results table follows the run going on
    m_shown->showStoredRun(run, runId);
    Q_EMIT status(tr("Showing run %1 from the history: %2 on %3, %4")
                      .arg(runId)
                      .arg(run.info.suiteName, run.info.host,
                           QLocale().toString(run.info.started.toLocalTime(), QLocale::ShortFormat)));
    m_view->selectRun(runId);
    Q_EMIT storedRunShown(runId);
}

} // namespace crucible::gui
