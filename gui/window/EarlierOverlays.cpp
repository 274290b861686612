#include "EarlierOverlays.h"

#include "BaselineComparisons.h"
#include "BaselinePicker.h"
#include "LiveView.h"
#include "ResultsView.h"
#include "RunController.h"
#include "ShownRun.h"
#include "WindowHistory.h"

#include <QSysInfo>

namespace crucible::gui {

EarlierOverlays::EarlierOverlays(RunController* controller, WindowHistory* history, ShownRun* shown,
                                 const BaselineComparisons* comparisons, const BaselinePicker* picker, LiveView* live,
                                 ResultsView* results, QObject* parent)
    : QObject(parent), m_controller(controller), m_history(history), m_shown(shown), m_comparisons(comparisons),
      m_picker(picker), m_live(live), m_results(results)
{
    // The store's earlier results are those of the run's suite on this host, compared as the
    // picker says; a run reopened from the store has those before it, as when it ran.
    connect(m_controller, &RunController::runStarted, this, [this] {
        if (m_history->isOpen())
            m_history->setScope(m_controller->suiteName(), QSysInfo::machineHostName(), 0, m_picker->choice());
    });
    connect(m_shown, &ShownRun::shown, this, [this] {
        if (m_shown->source() == ShownRun::Source::Store)
            m_history->setScope(m_shown->run()->info.suiteName, m_shown->run()->info.host, m_shown->storeId(),
                                m_picker->choice());
    });
    connect(m_controller, &RunController::workloadStarted, this, [this](int, int, const WorkloadInfo& info) {
        if (!m_history->isOpen())
            return;
        m_history->fetchEarlier(info.id);
        if (m_history->earlier(info.id))
            onEarlierReady(info.id); // fetched before: an interleaved pair's side comes back
    });
    connect(m_history, &WindowHistory::earlierReady, this, &EarlierOverlays::onEarlierReady);
    connect(m_results, &ResultsView::workloadSelected, this, &EarlierOverlays::showChosenRow);
}

LiveOverlays EarlierOverlays::forWorkload(const QString& id) const
{
    if (!m_history->isOpen())
        return ofWindowRuns(id);
    const EarlierResults* earlier = m_history->earlier(id); // fetched when the workload started
    return earlier ? WindowHistory::overlays(*earlier) : LiveOverlays{};
}

LiveOverlays EarlierOverlays::ofWindowRuns(const QString& id) const
{
    // All measured in this process, this session.
    LiveOverlays earlier;
    const std::vector<RunResult>& runs = m_controller->runs();
    const int baseIndex = m_comparisons->windowBaseline();
    const RunResult* base = baseIndex >= 0 ? &runs[std::size_t(baseIndex)] : nullptr;
    // A finished run shown in the live charts is not its own history.
    const std::optional<RunResult>& shown = m_shown->run();
    const bool showingFinished = !m_controller->isRunning() && shown;
    auto find = [&](const RunResult& run, const QString& label) -> std::optional<EarlierRun> {
        if (showingFinished && run.info.started == shown->info.started)
            return std::nullopt;
        for (const Result& r : run.results)
            if (r.info.id == id && !r.samples.empty())
                return EarlierRun{r, label, run.info.started, true};
        return std::nullopt;
    };
    if (base)
        earlier.baseline = find(*base, tr("baseline"));
    const int first = std::max(0, int(runs.size()) - WindowHistory::kRecentOverlays);
    for (int i = first; i < int(runs.size()); ++i)
        if (&runs[std::size_t(i)] != base)
            if (std::optional<EarlierRun> r = find(runs[std::size_t(i)], tr("run %1").arg(i + 1)))
                earlier.recent.push_back(std::move(*r));
    return earlier;
}

void EarlierOverlays::showChosenRow(const QString& id)
{
    // While running, the live view follows the run.
    const std::optional<RunResult>& shown = m_shown->run();
    if (m_controller->isRunning() || !shown)
        return;
    for (const Result& r : shown->results) {
        if (r.info.id == id) {
            const LiveOverlays earlier = forWorkload(id);
            m_live->showResult(r, earlier);
            m_results->setReference(id, earlier.baseline);
        }
    }
    if (m_history->isOpen())
        m_history->fetchEarlier(id); // then drawn by onEarlierReady()
}

void EarlierOverlays::onEarlierReady(const QString& id)
{
    const EarlierResults* earlier = m_history->earlier(id);
    if (!earlier || m_live->currentId() != id)
        return;
    const LiveOverlays overlays = WindowHistory::overlays(*earlier);
    m_live->setEarlier(id, overlays);
    if (!m_controller->isRunning()) {
        m_live->refresh(); // while running, the window's timer redraws
        m_results->setReference(id, overlays.baseline);
    }
}

} // namespace crucible::gui
