#pragma once

#include "RunEnvironment.h"

#include <QString>

#include <chrono>
#include <memory>
#include <vector>

namespace crucible {

class Workload;

// Watches the machine while a run measures: the load average and /proc/stat's cpu line at
// start() and finish(), and, on a thread of its own, the number of runnable tasks every
// interval. The load average is a one-minute mean that lags behind a load which starts with the
// run; the runnable count shows it at once. Other processes' CPU use is the machine's busy time
// less this process's and its children's (getrusage), so that a multi-threaded workload or an
// external command is not taken for load. One /proc/loadavg read per interval: the sampler's
// cost is a few microseconds a tick, on whichever CPU is free.
class EnvironmentSampler {
public:
    explicit EnvironmentSampler(QString root = QStringLiteral("/"),
                                std::chrono::milliseconds interval = std::chrono::milliseconds(200));
    ~EnvironmentSampler();
    EnvironmentSampler(const EnvironmentSampler&) = delete;
    EnvironmentSampler& operator=(const EnvironmentSampler&) = delete;

    void start();
    // Stops sampling and writes load, runnable tasks, others' CPU and steal into env; notes the
    // library build type of each Google Benchmark executable among `measured` that ran; then
    // judges env again. Without start(), only the workloads are noted.
    void finish(RunEnvironment& env, const std::vector<std::unique_ptr<Workload>>& measured = {});

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// The Google Benchmark executables among `workloads` that were measured, with the
// library_build_type of their JSON output; each executable once.
std::vector<GbenchLibrary> measuredGbenchLibraries(const std::vector<std::unique_ptr<Workload>>& workloads);

} // namespace crucible
