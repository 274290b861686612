#pragma once

#include "MeasurementSettings.h"
#include "Result.h"
#include "Workload.h"

#include <memory>
#include <stop_token>
#include <vector>

namespace crucible {

// What a session runs: the workloads in order and how to measure them.
struct SessionPlan {
    QString suiteName = QStringLiteral("default");
    MeasurementSettings settings;
    bool quickCheck = false;
    std::vector<std::unique_ptr<Workload>> workloads;
};

struct Progress {
    int workloadIndex = 0;        // 0-based index of the current workload
    int workloadCount = 0;
    QString workloadId;
    double workloadFraction = 0;  // 0..1 within the current workload
    double overallFraction = 0;   // 0..1 over the whole plan
    double etaSeconds = -1;       // -1 while unknown
};

// Told what happens during a run, on the thread that runs it.
class RunObserver {
public:
    virtual ~RunObserver() = default;
    virtual void workloadStarted(int /*index*/, const WorkloadInfo& /*info*/) {}
    virtual void sampleTaken(const QString& /*id*/, const Sample& /*sample*/) {}
    virtual void progressed(const Progress& /*progress*/) {}
    virtual void workloadFinished(const Result& /*result*/) {}
};

// Runs a plan on the calling thread: for each workload set-up, warm-up, calibration, samples,
// statistics, tear-down. Workloads that name each other as a pair (WorkloadInfo::pairedWith)
// are measured together with interleaved samples (A B A B ...), so that drift of the machine
// hits both sides alike. A workload that throws is recorded as failed (or with the status of a
// WorkloadFailure: timeout, crashed) and the run goes on; its tear-down still runs.
// When `stop` is requested the workloads in progress are dropped, finished ones are kept and
// the result is marked cancelled.
RunResult runPlan(SessionPlan& plan, std::stop_token stop, RunObserver& observer);

} // namespace crucible

Q_DECLARE_METATYPE(crucible::Progress)
