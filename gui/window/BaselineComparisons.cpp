#include "BaselineComparisons.h"

#include "BaselinePicker.h"
#include "Comparison.h"
#include "InBackground.h"
#include "RunController.h"
#include "RunDispersion.h"
#include "WindowHistory.h"
#include "history/EarlierResults.h"

#include <QScopeGuard>

#include <algorithm>

namespace crucible::gui {

BaselineComparisons::BaselineComparisons(RunController* controller, WindowHistory* history, ShownRun* shown,
                                         BaselinePicker* picker, QObject* parent)
    : QObject(parent), m_controller(controller), m_history(history), m_shown(shown), m_picker(picker)
{
    connect(m_controller, &RunController::runStarted, this, [this] {
        m_measured.clear();
        // The store forgets what it was fetching for the last run: its comparisons will not come.
        for (const auto& [id, ticket] : std::exchange(m_awaitingEarlier, {}))
            m_shown->done(ticket);
        updateMeasuredAgainst(); // now of the run starting
    });
    connect(m_controller, &RunController::workloadFinished, this, &BaselineComparisons::onWorkloadFinished);
    connect(m_controller, &RunController::runFinished, this, &BaselineComparisons::refillPicker);
    connect(m_history, &WindowHistory::opened, this, &BaselineComparisons::refillPicker);
    connect(m_history, &WindowHistory::openFailed, this, &BaselineComparisons::refillPicker);
    connect(m_history, &WindowHistory::closed, this, &BaselineComparisons::refillPicker);
    connect(m_history, &WindowHistory::baselinesChanged, this, &BaselineComparisons::refillPicker);
    connect(m_history, &WindowHistory::earlierReady, this, &BaselineComparisons::onEarlierReady);
    connect(m_shown, &ShownRun::shown, this, [this] {
        // The window's list keeps runs as measured: compared here with the picker's choice.
        if (m_shown->source() == ShownRun::Source::WindowList)
            recompareShownRun();
        updateMeasuredAgainst();
    });
    connect(m_picker, &QComboBox::activated, this, [this] {
        // The shown run is compared again with the baseline now chosen: a reopened (or
        // recorded) run by the store, a run of the window without one.
        if (m_history->isOpen() && !m_controller->isRunning() && m_shown->storeId() > 0)
            Q_EMIT storedRunToReload(m_shown->storeId());
        else
            recompareShownRun();
        updateMeasuredAgainst();
    });
    refillPicker();
}

int BaselineComparisons::comparedWindowRun() const
{
    const std::vector<RunResult>& runs = m_controller->runs();
    const std::optional<RunResult>& shown = m_shown->run();
    if (m_controller->isRunning() || !shown)
        return int(runs.size()); // the run going on, or the next one
    for (int i = 0; i < int(runs.size()); ++i)
        if (runs[std::size_t(i)].info.started == shown->info.started)
            return i;
    return int(runs.size());
}

int BaselineComparisons::windowBaseline() const
{
    return m_picker->windowBaseline(comparedWindowRun(), int(m_controller->runs().size()));
}

void BaselineComparisons::refillPicker()
{
    if (m_history->isOpen()) {
        m_picker->offerStoreBaselines(m_history->baselineNames());
    } else {
        // By default the previous run is the baseline of the next, as in the headless runner.
        m_picker->offerWindowRuns(m_controller->runLabels());
    }
    updateMeasuredAgainst();
}

void BaselineComparisons::updateMeasuredAgainst()
{
    if (m_history->isOpen()) {
        // The store's comparisons name their run: each workload's own for "previous run".
        const std::vector<Result>& results =
            m_controller->isRunning() || !m_shown->run() ? m_measured : m_shown->run()->results;
        QStringList names;
        for (const Result& r : results)
            if (r.baseline && !names.contains(r.baseline->name))
                names << r.baseline->name;
        m_picker->setMeasuredAgainst(names.isEmpty() ? QString() : BaselinePicker::describeStoreBaselines(names));
        return;
    }
    if (m_picker->currentKind() != BaselinePicker::PreviousWindowRun) {
        m_picker->setMeasuredAgainst(QString()); // "none", or a run named in full
        return;
    }
    const int base = windowBaseline();
    m_picker->setMeasuredAgainst(base >= 0 ? m_controller->runLabel(base) : tr("none yet"));
}

void BaselineComparisons::onWorkloadFinished(const Result& result)
{
    m_measured.push_back(result);
    const ShownRun::Ticket ticket = m_shown->expectForMeasuring(ShownRun::Work::Comparison);
    if (!m_history->isOpen())
        compareWithWindowRun(result, ticket);
    else if (const EarlierResults* earlier = m_history->earlier(result.info.id))
        compareWithStore(result, *earlier, ticket);
    else
        m_awaitingEarlier.insert_or_assign(result.info.id, ticket);
}

void BaselineComparisons::compareWithWindowRun(const Result& result, const ShownRun::Ticket& ticket)
{
    const int baseIndex = result.status == Status::Ok ? windowBaseline() : -1;
    const RunResult* base = baseIndex >= 0 ? &m_controller->runs()[std::size_t(baseIndex)] : nullptr;
    const Result* baseline = nullptr;
    if (base)
        for (const Result& b : base->results)
            if (b.info.id == result.info.id)
                baseline = &b;
    if (!baseline) {
        m_shown->done(ticket); // nothing to compare with
        return;
    }
    JudgeContext context;
    context.baselineName = m_controller->runLabel(baseIndex); // what the picker names, in full
    const RunInfo candidate = candidateRun(ticket);
    context.incomparable = incomparability(base->info, candidate);
    context.settingsDiffer = settingsDifference(base->info, candidate);
    compareInBackground(result, *baseline, context, ticket);
}

void BaselineComparisons::compareWithStore(const Result& result, const EarlierResults& earlier,
                                           const ShownRun::Ticket& ticket)
{
    if (!earlier.baseline || result.status != Status::Ok) {
        m_shown->done(ticket);
        return;
    }
    compareInBackground(result, earlier.baseline->result,
                        earlier.judgeContext(candidateRun(ticket), kDefaultNoiseThresholdPct), ticket);
}

RunInfo BaselineComparisons::candidateRun(const ShownRun::Ticket& ticket) const
{
    // While the run goes on the shown run is an earlier one: what is known of this run so far.
    return m_shown->isCurrent(ticket) ? m_shown->run()->info : m_controller->runInfo();
}

void BaselineComparisons::compareInBackground(const Result& result, const Result& baseline, const JudgeContext& context,
                                              const ShownRun::Ticket& ticket)
{
    // The bootstrap of a comparison takes tens of milliseconds: never on the GUI thread.
    runInBackground(
        this,
        [result, baseline, context] {
            Result compared = result;
            compareWithBaseline(compared, baseline, context);
            return compared;
        },
        [this, ticket](const Result& compared) { apply(ticket, compared); });
}

void BaselineComparisons::onEarlierReady(const QString& id)
{
    const auto waiting = m_awaitingEarlier.find(id);
    if (waiting == m_awaitingEarlier.end())
        return;
    const ShownRun::Ticket ticket = waiting->second;
    m_awaitingEarlier.erase(waiting);
    const EarlierResults* earlier = m_history->earlier(id);
    const auto it =
        std::find_if(m_measured.begin(), m_measured.end(), [&](const Result& r) { return r.info.id == id; });
    if (earlier && it != m_measured.end())
        compareWithStore(*it, *earlier, ticket);
    else
        m_shown->done(ticket);
}

void BaselineComparisons::apply(const ShownRun::Ticket& ticket, const Result& compared)
{
    // Done after it is applied: an export waiting for this comparison must carry it.
    const auto finish = qScopeGuard([&] { m_shown->done(ticket); });
    const bool measuring = m_shown->isMeasuring(ticket);
    if (measuring)
        for (Result& r : m_measured)
            if (r.info.id == compared.info.id)
                r.baseline = compared.baseline;
    // Not when the shown run was compared again as a whole since (the picker changed after the
    // run ended): one of the run's own comparisons, arriving late, must not land on top of it.
    const bool shown = m_shown->isCurrent(ticket);
    if (shown)
        m_shown->setComparison(compared);
    if ((measuring && m_controller->isRunning()) || shown) {
        Q_EMIT resultCompared(compared);
        updateMeasuredAgainst();
    }
}

void BaselineComparisons::recompareShownRun()
{
    const std::optional<RunResult>& shown = m_shown->run();
    if (m_history->isOpen() || m_controller->isRunning() || !shown)
        return;
    const int shownIndex = comparedWindowRun();
    const int runCount = int(m_controller->runs().size());
    if (shownIndex >= runCount)
        return; // not one of the window's runs
    const int baseIndex = m_picker->windowBaseline(shownIndex, runCount);
    std::optional<RunResult> base;
    JudgeContext context;
    if (baseIndex >= 0) {
        base = m_controller->runs()[std::size_t(baseIndex)];
        context.baselineName = m_controller->runLabel(baseIndex);
        context.incomparable = incomparability(base->info, shown->info);
        context.settingsDiffer = settingsDifference(base->info, shown->info);
    }
    const ShownRun::Ticket ticket = m_shown->expectRecompare();
    runInBackground(
        this,
        [results = shown->results, base = std::move(base), context] {
            std::vector<Result> compared = results;
            // The run is judged as a whole, as the store's and --compare's comparisons are: with
            // its dispersion when many workloads moved together (compareRun).
            std::vector<PendingComparison> pending;
            for (Result& r : compared) {
                r.baseline.reset(); // what the run was compared with before goes
                if (!base || r.status != Status::Ok)
                    continue;
                for (const Result& b : base->results)
                    if (b.info.id == r.info.id)
                        pending.push_back({&r, &b, context});
            }
            compareRun(pending);
            return compared;
        },
        [this, ticket](const std::vector<Result>& compared) {
            const auto finish = qScopeGuard([&] { m_shown->done(ticket); });
            // A newer recompare, another run shown or a run started since: not this one's to show.
            if (!m_shown->isCurrent(ticket) || m_controller->isRunning())
                return;
            m_shown->setResults(compared);
            for (const Result& r : compared)
                Q_EMIT resultCompared(r);
            updateMeasuredAgainst();
        });
    updateMeasuredAgainst();
}

} // namespace crucible::gui
