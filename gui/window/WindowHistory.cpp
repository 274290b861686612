#include "WindowHistory.h"

#include "HistoryLoader.h"

#include <QLocale>

namespace crucible::gui {

WindowHistory::WindowHistory(QObject* parent) : QObject(parent), m_loader(new HistoryLoader(this))
{
    connect(m_loader, &HistoryLoader::opened, this, [this](const QString& location) {
        Q_EMIT opened(location);
        refreshBaselines();
    });
    connect(m_loader, &HistoryLoader::openFailed, this, &WindowHistory::openFailed);
}

void WindowHistory::open(const QString& location)
{
    ++m_scopeSerial;
    m_earlier.clear();
    m_fetching.clear();
    m_loader->open(location);
}

void WindowHistory::close()
{
    ++m_scopeSerial;
    m_earlier.clear();
    m_fetching.clear();
    m_baselineNames.clear();
    m_loader->close();
    Q_EMIT closed();
}

bool WindowHistory::isOpen() const
{
    return m_loader->isOpen();
}

QString WindowHistory::location() const
{
    return m_loader->location();
}

void WindowHistory::refreshBaselines()
{
    m_loader->request<QStringList>(
        this, [](HistoryStore& store) { return store.baselineNames(); },
        [this](Expected<QStringList> names) {
            if (!names) {
                Q_EMIT failed(names.error().message);
                return;
            }
            if (*names == m_baselineNames)
                return;
            m_baselineNames = *names;
            Q_EMIT baselinesChanged(*names);
        });
}

void WindowHistory::setScope(const QString& suite, const QString& host, qint64 beforeRun, const BaselineChoice& choice)
{
    m_scope = {};
    m_scope.suite = suite;
    m_scope.host = host;
    m_scope.beforeRun = beforeRun;
    m_choice = choice;
    ++m_scopeSerial; // what is on its way belongs to the old scope
    m_earlier.clear();
    m_fetching.clear();
}

void WindowHistory::fetchEarlier(const QString& workloadId)
{
    if (!isOpen() || m_earlier.count(workloadId) || m_fetching.contains(workloadId))
        return;
    m_fetching.insert(workloadId);
    const quint64 serial = m_scopeSerial;
    m_loader->request<EarlierResults>(
        this,
        [workloadId, scope = m_scope, choice = m_choice](HistoryStore& store) {
            return loadEarlierResults(store, workloadId, scope, choice, kRecentOverlays);
        },
        [this, serial, workloadId](Expected<EarlierResults> earlier) {
            if (serial != m_scopeSerial)
                return;
            m_fetching.remove(workloadId);
            if (!earlier)
                Q_EMIT failed(earlier.error().message); // the workload is still shown and compared with nothing
            m_earlier[workloadId] = std::move(earlier).value_or({});
            m_earlier[workloadId].workloadId = workloadId; // named even when the fetch failed
            Q_EMIT earlierReady(workloadId);
        });
}

const EarlierResults* WindowHistory::earlier(const QString& workloadId) const
{
    const auto it = m_earlier.find(workloadId);
    return it == m_earlier.end() ? nullptr : &it->second;
}

LiveOverlays WindowHistory::overlays(const EarlierResults& earlier)
{
    auto run = [](const HistoryStore::StoredResult& stored, const QString& label) {
        return EarlierRun{stored.result, label, stored.started, stored.source == kWindowRunSource};
    };
    LiveOverlays out;
    if (earlier.baseline && !earlier.baseline->result.samples.empty())
        out.baseline = run(*earlier.baseline,
                           earlier.baselineName.startsWith(QLatin1String("previous run"))
                               ? earlier.baselineName
                               : QObject::tr("baseline %1").arg(earlier.baselineName));
    for (auto it = earlier.recent.rbegin(); it != earlier.recent.rend(); ++it)
        if (!it->result.samples.empty())
            out.recent.push_back(run(*it, QObject::tr("run %1").arg(it->runId)));
    return out;
}

void WindowHistory::record(const RunResult& run)
{
    const QDateTime started = run.info.started;
    m_loader->request<qint64>(
        this, [run](HistoryStore& store) { return store.recordRun(run, kWindowRunSource); },
        [this, started](Expected<qint64> runId) {
            if (!runId) {
                Q_EMIT failed(runId.error().message);
                return;
            }
            Q_EMIT recorded(*runId, started);
        },
        HistoryLoader::OnClose::Run); // a window closed right after a run still records it
}

void WindowHistory::loadRun(qint64 runId, const BaselineChoice& choice)
{
    m_loader->request<RunResult>(
        this,
        [runId, choice](HistoryStore& store) -> Expected<RunResult> {
            Expected<RunResult> run = store.loadRun(runId);
            if (!run)
                return run;
            if (const Expected<void> compared = compareStoredRun(*run, runId, store, choice, kDefaultNoiseThresholdPct);
                !compared)
                return compared.error();
            return run;
        },
        [this, runId](Expected<RunResult> run) {
            if (!run) {
                Q_EMIT failed(run.error().message);
                return;
            }
            Q_EMIT runLoaded(runId, *run);
        });
}

void WindowHistory::loadTrends(const RunResult& run, qint64 runId)
{
    // Only what the trends need: a copy of every sample would cost for nothing.
    RunResult light;
    light.info = run.info;
    for (const Result& r : run.results) {
        Result copy;
        copy.info = r.info;
        copy.status = r.status;
        copy.summary = r.summary;
        light.results.push_back(std::move(copy));
    }
    m_loader->request<RunTrends>(
        this, [light, runId](HistoryStore& store) { return loadRunTrends(store, light, runId); },
        [this, runId](Expected<RunTrends> loaded) {
            RunTrends trends = loaded ? std::move(*loaded) : RunTrends{{}, loaded.error()};
            if (trends.incomplete)
                Q_EMIT failed(trends.incomplete->message);
            Q_EMIT trendsLoaded(runId, trends.trends);
        });
}

} // namespace crucible::gui
