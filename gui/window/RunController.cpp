#include "RunController.h"

#include "Session.h"
#include "WorkloadCount.h"
#include "cli/SuitePlan.h"

#include <QTimer>

namespace crucible::gui {

RunController::RunController(const WorkloadRegistry& registry, QObject* parent)
    : QObject(parent), m_registry(registry), m_suite(allRegisteredWorkloads(registry))
{ }

void RunController::setSuite(Suite suite)
{
    m_suite = std::move(suite);
}

RunController::~RunController() = default; // the session's destructor stops and waits

bool RunController::start(const QStringList& ids, const MeasurementSettings& settings, bool quickCheck)
{
    m_lastError.clear();
    if (isRunning()) {
        m_lastError = tr("A run is already going.");
        return false;
    }
    std::vector<const SuiteWorkload*> selected;
    for (const SuiteWorkload& w : m_suite.workloads)
        if (ids.contains(w.info.id))
            selected.push_back(&w);
    // A built-in refusing the suite's parameters is reported as the headless run reports it.
    Expected<SessionPlan> planned = makeSessionPlan(m_suite, selected, m_registry, settings, quickCheck);
    if (!planned) {
        m_lastError = planned.error().message;
        return false;
    }
    SessionPlan& plan = *planned;
    if (plan.workloads.empty()) {
        m_lastError = tr("None of the chosen workloads is in the suite.");
        return false;
    }

    const int count = int(plan.workloads.size());
    m_runSettings = settings;
    m_runQuickCheck = quickCheck;
    m_suiteName = plan.suiteName;
    m_session = std::make_unique<Session>(std::move(plan));
    Session* session = m_session.get();
    connect(session, &Session::workloadStarted, this, &RunController::workloadStarted);
    connect(session, &Session::samplesAvailable, this, &RunController::samplesAvailable);
    connect(session, &Session::progressChanged, this, &RunController::progressChanged);
    connect(session, &Session::referenceMeasured, this, &RunController::referenceMeasured);
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

QString RunController::runLabel(int index) const
{
    const RunResult& run = m_runs[std::size_t(index)];
    return tr("Run %1 (%2, %3)")
        .arg(index + 1)
        .arg(run.info.started.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
             workloadCount(int(run.results.size())));
}

QStringList RunController::runLabels() const
{
    QStringList labels;
    for (int i = 0; i < int(m_runs.size()); ++i)
        labels << runLabel(i);
    return labels;
}

RunInfo RunController::runInfo() const
{
    RunInfo info = m_machine;
    recordSettings(info, m_runSettings, m_runQuickCheck);
    return info;
}

} // namespace crucible::gui
