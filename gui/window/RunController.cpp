#include "RunController.h"

#include "Session.h"

#include <QTimer>

namespace crucible::gui {

RunController::RunController(const WorkloadRegistry& registry, QObject* parent)
    : QObject(parent), m_registry(registry)
{
}

RunController::~RunController() = default; // the session's destructor stops and waits

bool RunController::start(const QStringList& ids, const MeasurementSettings& settings, bool quickCheck)
{
    if (isRunning())
        return false;
    SessionPlan plan;
    plan.suiteName = QStringLiteral("default");
    plan.settings = settings;
    plan.quickCheck = quickCheck;
    for (const WorkloadFactory& f : m_registry.all())
        if (ids.contains(f.info.id))
            plan.workloads.push_back(f.create(f.info.parameters));
    if (plan.workloads.empty())
        return false;

    const int count = int(plan.workloads.size());
    m_suiteName = plan.suiteName;
    m_session = std::make_unique<Session>(std::move(plan));
    Session* session = m_session.get();
    connect(session, &Session::workloadStarted, this, &RunController::workloadStarted);
    connect(session, &Session::samplesAvailable, this, &RunController::samplesAvailable);
    connect(session, &Session::progressChanged, this, &RunController::progressChanged);
    connect(session, &Session::workloadFinished, this, &RunController::workloadFinished);
    connect(session, &Session::finished, this, [this, session](const RunResult& run) {
        if (session != m_session.get())
            return; // a superseded session: drop its result
        m_runs.push_back(run);
        // The worker has returned: no longer running. The session is deleted once the signal
        // that brought us here has been delivered, not inside it.
        m_finishedSession = std::move(m_session);
        QTimer::singleShot(0, this, [this] { m_finishedSession.reset(); });
        Q_EMIT runFinished(m_runs.back());
    });
    session->start();
    Q_EMIT runStarted(count);
    return true;
}

void RunController::stop()
{
    if (m_session)
        m_session->stop();
}

bool RunController::isRunning() const
{
    return m_session != nullptr;
}

} // namespace crucible::gui
