#pragma once

#include "MeasurementSettings.h"
#include "Result.h"
#include "SuiteRunner.h"
#include "WorkloadRegistry.h"
#include "suite/Suite.h"

#include <QObject>

#include <memory>
#include <vector>

namespace crucible {
class Session;
}

namespace crucible::gui {

// The window's handle on the engine: starts a Session for the chosen workloads of its suite,
// relays its signals, and keeps the runs finished in this window so they can be overlaid and
// compared. Only one run at a time.
class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(const WorkloadRegistry& registry, QObject* parent = nullptr);
    ~RunController() override;

    // The suite whose workloads start() runs: every registered workload until one is set.
    // A run going on keeps the workloads it started with.
    void setSuite(Suite suite);
    const Suite& suite() const { return m_suite; }

    // Runs the suite's workloads whose ids are in `ids`, in suite order. False when a run is
    // already going, no id is in the suite, or a workload cannot be made (lastError() says why).
    bool start(const QStringList& ids, const MeasurementSettings& settings, bool quickCheck);
    QString lastError() const { return m_lastError; }
    // The settings of the run going on (or the last one).
    MeasurementSettings runSettings() const { return m_runSettings; }
    // What is known of the run going on (or the last one) before it finishes: the machine and
    // the settings, for comparisons made while it runs.
    RunInfo runInfo() const;
    void stop();
    bool isRunning() const;
    // The suite name of the run going on (or the last one): the history scope of its results.
    QString suiteName() const { return m_suiteName; }

    // Finished runs of this window, oldest first.
    const std::vector<RunResult>& runs() const { return m_runs; }
    // How the window names its run `index` (0 = the first) in the Window runs menu, the
    // baseline picker and the comparisons: "Run 2 (16:43:40, 10 workloads)".
    QString runLabel(int index) const;
    QStringList runLabels() const;
    const WorkloadRegistry& registry() const { return m_registry; }

Q_SIGNALS:
    void runStarted(int workloadCount);
    void workloadStarted(int index, int count, const crucible::WorkloadInfo& info);
    void samplesAvailable(const QString& id, const crucible::Samples& batch);
    void progressChanged(const crucible::Progress& progress);
    void referenceMeasured(const crucible::ReferencePoint& point);
    void workloadFinished(const crucible::Result& result);
    void runFinished(const crucible::RunResult& run);

private:
    const WorkloadRegistry& m_registry;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Session> m_finishedSession;
    std::vector<RunResult> m_runs;
    QString m_suiteName;
    Suite m_suite;
    QString m_lastError;
    MeasurementSettings m_runSettings;
    bool m_runQuickCheck = false;
    RunInfo m_machine = describeMachine();
};

} // namespace crucible::gui
