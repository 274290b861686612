#pragma once

#include "SuiteRunner.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <stop_token>

namespace crucible {

// Runs a plan on a worker thread and tells listeners, on the thread that owns the session,
// what happens. Samples and progress are coalesced to at most ~20 updates a second, so that
// watching a run never perturbs it. stop() takes effect between two chunks of a sample (at
// most ~20 ms of work) and keeps the results of finished workloads. The destructor stops and
// waits, so no run outlives its session.
class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(SessionPlan plan, QObject* parent = nullptr);
    ~Session() override;

    void start();
    void stop();
    bool isRunning() const;
    // Blocks until the worker has finished; false on timeout.
    bool wait(int timeoutMs = -1);

    // Minimum interval between two coalesced updates.
    static constexpr int kUpdateIntervalMs = 50;

Q_SIGNALS:
    void workloadStarted(int index, int count, const crucible::WorkloadInfo& info);
    void samplesAvailable(const QString& workloadId, const crucible::Samples& batch);
    void progressChanged(const crucible::Progress& progress);
    // The machine-speed reference, measured before each slot of a round (SuiteRunner.h).
    void referenceMeasured(const crucible::ReferencePoint& point);
    void workloadFinished(const crucible::Result& result);
    void finished(const crucible::RunResult& run);

private:
    void runOnWorker();

    SessionPlan m_plan;
    std::stop_source m_stopSource;
    std::unique_ptr<QThread> m_thread;
};

} // namespace crucible
