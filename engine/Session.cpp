#include "Session.h"

#include "environment/EnvironmentSampler.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>

#include <map>

namespace crucible {

namespace {

// Lives on the worker thread; forwards to the session's thread in queued calls, batching
// samples and progress so that listeners see at most one update per interval.
class CoalescingForwarder final : public RunObserver {
public:
    CoalescingForwarder(Session* session, int workloadCount) : m_session(session), m_count(workloadCount)
    {
        m_sinceFlush.start();
    }

    void workloadStarted(int index, const WorkloadInfo& info) override
    {
        flush();
        post([index, count = m_count, info](Session* s) { Q_EMIT s->workloadStarted(index, count, info); });
    }

    void sampleTaken(const QString& id, const Sample& sample) override
    {
        m_pendingSamples[id].push_back(sample);
        flushIfDue();
    }

    void progressed(const Progress& progress) override
    {
        m_pendingProgress = progress;
        m_hasProgress = true;
        flushIfDue();
    }

    void referenceMeasured(const ReferencePoint& point) override
    {
        post([point](Session* s) { Q_EMIT s->referenceMeasured(point); });
    }

    void workloadFinished(const Result& result) override
    {
        flush();
        post([result](Session* s) { Q_EMIT s->workloadFinished(result); });
    }

    void flush()
    {
        for (auto& [id, batch] : m_pendingSamples) {
            if (batch.empty())
                continue;
            post([id = id, batch = std::move(batch)](Session* s) { Q_EMIT s->samplesAvailable(id, batch); });
            batch = {};
        }
        m_pendingSamples.clear();
        if (m_hasProgress) {
            post([p = m_pendingProgress](Session* s) { Q_EMIT s->progressChanged(p); });
            m_hasProgress = false;
        }
        m_sinceFlush.restart();
    }

    template <typename F>
    void post(F&& f)
    {
        // The session is the context object: if it is gone, the call is dropped.
        QMetaObject::invokeMethod(
            m_session, [session = m_session, f = std::forward<F>(f)]() { f(session); }, Qt::QueuedConnection);
    }

private:
    void flushIfDue()
    {
        if (m_sinceFlush.elapsed() >= Session::kUpdateIntervalMs)
            flush();
    }

    Session* m_session;
    int m_count;
    QElapsedTimer m_sinceFlush;
    std::map<QString, Samples> m_pendingSamples;
    Progress m_pendingProgress;
    bool m_hasProgress = false;
};

} // namespace

Session::Session(SessionPlan plan, QObject* parent) : QObject(parent), m_plan(std::move(plan))
{
    qRegisterMetaType<crucible::WorkloadInfo>();
    qRegisterMetaType<crucible::Samples>();
    qRegisterMetaType<crucible::Progress>();
    qRegisterMetaType<crucible::ReferencePoint>();
    qRegisterMetaType<crucible::Result>();
    qRegisterMetaType<crucible::RunResult>();
}

Session::~Session()
{
    stop();
    wait();
}

void Session::start()
{
    Q_ASSERT_X(!m_thread, "Session::start", "a session runs once");
    m_thread.reset(QThread::create([this] { runOnWorker(); }));
    m_thread->setObjectName(QStringLiteral("crucible-session"));
    m_thread->start();
}

void Session::stop()
{
    m_stopSource.request_stop();
}

bool Session::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

bool Session::wait(int timeoutMs)
{
    if (!m_thread)
        return true;
    return m_thread->wait(timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeoutMs));
}

void Session::runOnWorker()
{
    CoalescingForwarder forwarder(this, int(m_plan.workloads.size()));
    RunInfo info = describeEnvironment();
    info.suiteName = m_plan.suiteName;
    recordSettings(info, m_plan.settings, m_plan.quickCheck);
    info.started = QDateTime::currentDateTimeUtc();

    EnvironmentSampler environment; // load, steal and runnable tasks while the plan runs
    environment.start();
    RunResult run = runPlan(m_plan, m_stopSource.get_token(), forwarder);
    environment.finish(info.environment, m_plan.workloads);
    forwarder.flush();
    info.finished = QDateTime::currentDateTimeUtc();
    info.rounds = run.info.rounds;
    info.reference = std::move(run.info.reference);
    run.info = info;
    forwarder.post([run = std::move(run)](Session* s) { Q_EMIT s->finished(run); });
}

} // namespace crucible
