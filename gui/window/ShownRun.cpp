#include "ShownRun.h"

#include <QScopedValueRollback>

#include <algorithm>

namespace crucible::gui {

ShownRun::ShownRun(QObject* parent) : QObject(parent)
{ }

void ShownRun::measuringStarted()
{
    m_measuringKey = ++m_lastKey;
    std::erase_if(m_pending,
                  [this](const auto& entry) { return entry.first != m_shownKey && entry.first != m_measuringKey; });
}

void ShownRun::showFinished(RunResult run)
{
    // Its key since it started measuring: the comparisons still on their way are its own.
    show(std::move(run), Source::Finished, m_measuringKey != 0 ? m_measuringKey : ++m_lastKey, 0);
}

void ShownRun::showWindowRun(RunResult run)
{
    show(std::move(run), Source::WindowList, ++m_lastKey, 0);
}

void ShownRun::showStoredRun(RunResult run, qint64 storeId)
{
    show(std::move(run), Source::Store, ++m_lastKey, storeId);
}

void ShownRun::show(RunResult run, Source source, quint64 key, qint64 storeId)
{
    m_run = std::move(run);
    m_source = source;
    m_storeId = storeId;
    m_trends.clear();
    m_shownKey = key;
    std::erase_if(m_pending,
                  [this](const auto& entry) { return entry.first != m_shownKey && entry.first != m_measuringKey; });
    m_state = State::Pending;
    {
        // Not settled while the slots start the run's jobs: the first job done must not look
        // like the last.
        const QScopedValueRollback<bool> announcing(m_announcing, true);
        Q_EMIT shown();
    }
    settleIfDone();
}

ShownRun::Ticket ShownRun::expect(Work work)
{
    ++m_pending[m_shownKey][std::size_t(work)];
    if (m_state == State::Settled)
        m_state = State::Pending;
    return Ticket{m_shownKey, work, m_round};
}

ShownRun::Ticket ShownRun::expectForMeasuring(Work work)
{
    ++m_pending[m_measuringKey][std::size_t(work)];
    if (m_measuringKey == m_shownKey && m_state == State::Settled)
        m_state = State::Pending;
    return Ticket{m_measuringKey, work, m_round};
}

ShownRun::Ticket ShownRun::expectRecompare()
{
    ++m_round;
    return expect(Work::Comparison);
}

bool ShownRun::isCurrent(const Ticket& ticket) const
{
    return m_state != State::Empty && ticket.run == m_shownKey
        && (ticket.work != Work::Comparison || ticket.round == m_round);
}

void ShownRun::done(const Ticket& ticket)
{
    const auto it = m_pending.find(ticket.run);
    if (it == m_pending.end())
        return; // a run neither shown nor measuring any more
    int& count = it->second[std::size_t(ticket.work)];
    count = std::max(0, count - 1); // after giveUp(), what comes late is done already
    if (ticket.run == m_shownKey)
        settleIfDone();
}

void ShownRun::giveUp(Work work)
{
    if (const auto it = m_pending.find(m_shownKey); it != m_pending.end())
        it->second[std::size_t(work)] = 0;
    settleIfDone();
}

void ShownRun::settleIfDone()
{
    if (m_state != State::Pending || m_announcing)
        return;
    const auto it = m_pending.find(m_shownKey);
    if (it != m_pending.end() && std::any_of(it->second.begin(), it->second.end(), [](int n) { return n > 0; }))
        return;
    m_state = State::Settled;
    Q_EMIT settled();
}

void ShownRun::setGates(std::vector<BudgetOutcome> budgets, std::vector<ClaimOutcome> claims)
{
    if (!m_run)
        return;
    m_run->budgets = std::move(budgets); // so that exports carry them
    m_run->claims = std::move(claims);
}

void ShownRun::setComparison(const Result& compared)
{
    if (!m_run)
        return;
    for (Result& r : m_run->results)
        if (r.info.id == compared.info.id)
            r.baseline = compared.baseline;
}

void ShownRun::setResults(std::vector<Result> results)
{
    if (m_run)
        m_run->results = std::move(results);
}

void ShownRun::setTrends(std::vector<WorkloadTrend> trends)
{
    m_trends = std::move(trends);
    Q_EMIT trendsLoaded();
}

} // namespace crucible::gui
