#include "CpuUtilizationWorkload.h"

#include "CpuTime.h"
#include "DoNotOptimize.h"
#include "Parameters.h"
#include "ProcessMemory.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace crucible::workloads::sys {

namespace {

// The job: a 320×240 Mandelbrot set at 256 iterations, about 17 ms of CPU time on one core of
// the machine it was written on: long enough to spread over cores, short enough for many
// samples. Rows are dealt out round-robin, so that the costly middle rows spread over
// all threads and the job ends when the cores, not one unlucky thread, are done.
constexpr int kWidth = 320;
constexpr int kHeight = 240;
constexpr int kMaxIterations = 256;

std::uint64_t mandelbrotRows(int firstRow, int step)
{
    std::uint64_t total = 0;
    for (int y = firstRow; y < kHeight; y += step) {
        const double ci = -1.2 + 2.4 * y / kHeight;
        for (int x = 0; x < kWidth; ++x) {
            const double cr = -2.2 + 3.2 * x / kWidth;
            double zr = 0, zi = 0;
            int n = 0;
            while (n < kMaxIterations && zr * zr + zi * zi <= 4.0) {
                const double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                ++n;
            }
            total += std::uint64_t(n);
        }
    }
    return total;
}

// One iteration is one job. Threads are started per job: a job is "use every core for this
// computation", as a parallel build step or a tool without a thread pool does it, and their
// start (tens of µs) is part of that cost. The calling thread computes a share too.
//
// The workload measures itself (Workload::measuresItself()), because the engine's own CPU
// figure is the measuring thread's alone and would miss the other cores: a sample is one job,
// its wall time, and the user and system time of every thread that worked on it (each worker
// reads its own RUSAGE_THREAD as it ends; the calling thread its difference). CPU time over
// wall time is then the number of cores the job kept busy.
class CpuUtilizationWorkload final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    void setUp(std::stop_token) override
    {
        const QString threads = info().parameters.value(QStringLiteral("threads")).toString();
        m_threads = threads == QLatin1String("all") ? int(std::max(1u, std::thread::hardware_concurrency()))
                                                    : int(countParameter(info(), QStringLiteral("threads"), 1024));
    }

    bool measuresItself() const override { return true; }

    std::optional<Sample> measureIteration(std::stop_token stop) override
    {
        const auto start = std::chrono::steady_clock::now();
        const CpuTimes cpu = runJob();
        Sample sample;
        sample.iterations = 1;
        sample.elapsedNs = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count();
        sample.userNs = cpu.userNs;
        sample.sysNs = cpu.sysNs;
        sample.cpuNs = cpu.userNs + cpu.sysNs;
        sample.rssBytes = currentRssBytes();
        if (stop.stop_requested())
            return std::nullopt;
        return sample;
    }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i)
            runJob();
    }

private:
    CpuTimes runJob() const
    {
        std::atomic<std::uint64_t> total{0};
        std::vector<CpuTimes> workerTimes(std::size_t(m_threads), CpuTimes{});
        const CpuTimes before = threadCpuTimes();
        {
            std::vector<std::jthread> workers;
            workers.reserve(std::size_t(m_threads - 1));
            for (int t = 1; t < m_threads; ++t)
                workers.emplace_back([&total, &workerTimes, t, n = m_threads] {
                    total += mandelbrotRows(t, n);
                    workerTimes[std::size_t(t)] = threadCpuTimes(); // a new thread: its whole life
                });
            total += mandelbrotRows(0, m_threads);
            const CpuTimes after = threadCpuTimes();
            workerTimes[0] = {after.userNs - before.userNs, after.sysNs - before.sysNs};
        } // joins
        doNotOptimize(total.load());
        CpuTimes sum;
        for (const CpuTimes& t : workerTimes) {
            sum.userNs += t.userNs;
            sum.sysNs += t.sysNs;
        }
        return sum;
    }

    int m_threads = 1;
};

} // namespace

void registerCpuUtilizationWorkload(WorkloadRegistry& registry)
{
    WorkloadInfo info;
    info.id = QStringLiteral("system.cpu_utilization");
    info.category = Category::System;
    info.description =
        QStringLiteral("One CPU-bound job (a 320x240 Mandelbrot set) split over 'threads' threads (all: one per "
                       "core), started per job; CPU time is every thread's, so CPU/wall is the cores kept busy");
    info.operation = QStringLiteral("job");
    info.parameters = {{QStringLiteral("threads"), QStringLiteral("all")}};
    registry.add(WorkloadFactory{info, [info](const QVariantMap& parameters) {
                                     return std::make_unique<CpuUtilizationWorkload>(withParameters(info, parameters));
                                 }});
}

} // namespace crucible::workloads::sys
