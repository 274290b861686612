#include "RunHistory.h"

#include "history/EarlierResults.h"

#include <cstdio>
#include <map>

namespace crucible {

std::optional<RunHistory> RunHistory::prepare(const CommandLineOptions& options)
{
    RunHistory history;
    history.m_options = options;
    // --no-history alone leaves the store untouched; with --baseline or --db it is only read.
    const bool reads = !options.noHistory || !options.baseline.isEmpty() || !options.db.isEmpty();
    if (!reads)
        return history;
    QString error;
    history.m_store = HistoryStore::open(options.db, &error);
    if (!history.m_store) {
        std::fprintf(stderr, "crucible-bench: %s\n(--db chooses another store, --no-history runs without one)\n",
                     qPrintable(error));
        return std::nullopt;
    }
    if (!options.baseline.isEmpty() && !history.m_store->baselineRun(options.baseline, &error)) {
        std::fprintf(stderr, "crucible-bench: --baseline: %s\n", qPrintable(error));
        return std::nullopt;
    }
    return history;
}

QString RunHistory::location() const
{
    return m_store ? m_store->location() : QString();
}

bool RunHistory::compare(RunResult& run, QString* error) const
{
    if (!m_store)
        return true;
    const BaselineChoice choice =
        m_options.baseline.isEmpty() ? BaselineChoice::previousRun() : BaselineChoice::named(m_options.baseline);
    return compareStoredRun(run, 0, *m_store, choice, m_options.noiseThresholdPct, error);
}

std::vector<WorkloadTrend> RunHistory::trends(const RunResult& run, QString* error) const
{
    if (!m_store)
        return {};
    return loadRunTrends(*m_store, run, m_recordedRunId, error);
}

bool RunHistory::record(const RunResult& run, QString* error)
{
    if (!m_store || m_options.noHistory)
        return true;
    const std::optional<qint64> id = m_store->recordRun(run, error);
    if (!id)
        return false;
    m_recordedRunId = *id;
    return m_options.saveBaseline.isEmpty() || m_store->saveBaseline(m_options.saveBaseline, *id, error);
}

int RunHistory::regressions(const RunResult& run)
{
    // A regression measured again (--fail-on-regression) counts only when the second
    // measurement agrees.
    return int(std::count_if(run.results.begin(), run.results.end(), [](const Result& r) {
        return r.baseline && r.baseline->verdict == ChangeVerdict::Regressed
            && r.baseline->confirmation.value_or(ChangeVerdict::Regressed) == ChangeVerdict::Regressed;
    }));
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
        return QStringLiteral("No earlier result to compare with (the first run of this suite on this host?).\n");
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
