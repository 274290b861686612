#include "RunHistory.h"

#include "Comparison.h"
#include "history/EarlierResults.h"

#include <map>

namespace crucible {

Expected<RunHistory> RunHistory::prepare(const CommandLineOptions& options)
{
    RunHistory history;
    history.m_options = options;
    // --no-history alone leaves the store untouched; with --baseline or --db it is only read.
    const bool reads = !options.noHistory || !options.baseline.isEmpty() || !options.db.isEmpty();
    if (!reads)
        return history;
    Expected<std::unique_ptr<HistoryStore>> store = HistoryStore::open(options.db);
    if (!store)
        return Error::input(store.error().message
                            + QStringLiteral("\n(--db chooses another store, --no-history runs without one)"));
    history.m_store = std::move(*store);
    if (options.baseline.isEmpty())
        return history;
    if (const Expected<qint64> baseline = history.m_store->baselineRun(options.baseline); !baseline)
        return Error::input(QStringLiteral("--baseline: ") + baseline.error().message);
    return history;
}

QString RunHistory::location() const
{
    return m_store ? m_store->location() : QString();
}

Expected<void> RunHistory::compare(RunResult& run) const
{
    if (!m_store)
        return {};
    if (const Expected<void> ok = m_store->reachable(); !ok)
        return ok.error();
    const BaselineChoice choice =
        m_options.baseline.isEmpty() ? BaselineChoice::previousRun() : BaselineChoice::named(m_options.baseline);
    return compareStoredRun(run, 0, *m_store, choice, m_options.noiseThresholdPct);
}

RunTrends RunHistory::trends(const RunResult& run) const
{
    if (!m_store)
        return {};
    return loadRunTrends(*m_store, run, m_recordedRunId);
}

Expected<void> RunHistory::record(const RunResult& run)
{
    if (!m_store || m_options.noHistory)
        return {};
    const Expected<qint64> id = m_store->recordRun(run);
    if (!id)
        return id.error();
    m_recordedRunId = *id;
    if (m_options.saveBaseline.isEmpty())
        return {};
    return m_store->saveBaseline(m_options.saveBaseline, *id);
}

int RunHistory::regressions(const RunResult& run)
{
    // A regression measured again (--fail-on-regression) counts only when the second
    // measurement agrees.
    return int(std::count_if(run.results.begin(), run.results.end(),
                             [](const Result& r) { return r.baseline && r.baseline->isRegression(); }));
}

QString RunHistory::describeComparison(const RunResult& run)
{
    QStringList names;
    QStringList settings;
    std::map<ChangeVerdict, int> counts;
    int compared = 0;
    QString changes;
    QString rest;
    for (const Result& r : run.results) {
        if (!r.baseline)
            continue;
        ++compared;
        ++counts[r.baseline->verdict];
        if (!names.contains(r.baseline->name))
            names << r.baseline->name;
        if (!r.baseline->settingsDiffer.isEmpty() && !settings.contains(r.baseline->settingsDiffer))
            settings << r.baseline->settingsDiffer;
        const bool isUnchanged = r.baseline->verdict == ChangeVerdict::Unchanged;
        // One line per verdict: the workload, then the verdict's own explanation.
        (isUnchanged ? rest : changes) +=
            QStringLiteral("  %1 %2\n").arg(r.info.id.leftJustified(44), r.baseline->explanation());
    }
    if (compared == 0)
        return nothingToCompareYet(QStringLiteral("run with --save-baseline NAME")) + QLatin1Char('\n');
    // Every kind of verdict is counted, in the enum's order (changes first).
    QStringList tally;
    for (const auto& [verdict, count] : counts)
        tally << QStringLiteral("%1 %2").arg(count).arg(verdictName(verdict));
    QString text = QStringLiteral("Against %1: %2 compared: %3\n")
                       .arg(names.size() > 3 ? QStringLiteral("earlier runs") : names.join(QStringLiteral(", ")))
                       .arg(compared)
                       .arg(tally.join(QStringLiteral(", ")));
    for (const QString& differ : settings)
        text += QStringLiteral("  (settings differ from the baseline: %1)\n").arg(differ);
    return text + changes + rest;
}

} // namespace crucible
