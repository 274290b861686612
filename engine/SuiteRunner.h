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
    // All workloads form one group, their samples interleaved (Suite::interleaved).
    bool interleaved = false;
    std::vector<std::unique_ptr<Workload>> workloads;
};

struct Progress {
    int workloadIndex = 0; // 0-based index of the current workload
    int round = 0;         // 0-based round of the run (MeasurementSettings::rounds)
    int rounds = 1;
    int workloadCount = 0;
    QString workloadId;
    double workloadFraction = 0; // 0..1 within the current workload
    double overallFraction = 0;  // 0..1 over the whole plan
    double etaSeconds = -1;      // -1 while unknown
};

// Told what happens during a run, on the thread that runs it.
class RunObserver {
public:
    virtual ~RunObserver() = default;
    // At the start of each of the workload's slots, once per round: the first time before its
    // set-up, later when its next round of samples begins.
    virtual void workloadStarted(int /*index*/, const WorkloadInfo& /*info*/) { }
    // The machine-speed reference, measured before each slot.
    virtual void referenceMeasured(const ReferencePoint& /*point*/) { }
    virtual void sampleTaken(const QString& /*id*/, const Sample& /*sample*/) { }
    virtual void progressed(const Progress& /*progress*/) { }
    virtual void workloadFinished(const Result& /*result*/) { }
};

// Runs a plan on the calling thread.
//
// Groups: workloads that name each other as a pair (WorkloadInfo::pairedWith) are measured
// together with interleaved samples (A B A B ...), so that drift of the machine hits both
// sides alike; every other workload is a group of its own. An interleaved plan
// (SessionPlan::interleaved) is one group of all its workloads: A B C A B C ….
//
// Rounds: each workload's samples are split into settings.effectiveRounds() rounds. A round
// visits every group once (a slot), the groups in plan order in the first round and in a
// shuffled order (fixed seed) after it, so that a slow phase of the machine lands on every
// workload alike and on no fixed position of the round. A group is set up, warmed up and
// calibrated at its first slot and torn down after its last one. Before each slot the
// machine-speed reference (engine/ReferenceKernel.h) is measured; each result records its
// rounds (Result::rounds) and the run every reference measurement (RunInfo::reference).
// With one round this is the old order: each group measured completely, one after another.
//
// A workload that throws is recorded as failed (or with the status of a WorkloadFailure:
// timeout, crashed) and the run goes on; its tear-down still runs. When `stop` is requested,
// the slot in progress is dropped; a workload keeps the samples of its completed rounds (if it
// has any, else it is left out), and the result is marked cancelled.
RunResult runPlan(SessionPlan& plan, std::stop_token stop, RunObserver& observer);

} // namespace crucible

Q_DECLARE_METATYPE(crucible::Progress)
