#pragma once

#include "Workload.h"

#include <chrono>
#include <ctime>

// A workload of known cost: each iteration busy-waits until `nsPerIteration` nanoseconds of
// steady-clock time have passed. The measurement loop must report that cost back.
class SpinWorkload : public crucible::BasicWorkload {
public:
    explicit SpinWorkload(double nsPerIteration, QString id = QStringLiteral("test.spin"))
        : BasicWorkload({id, crucible::Category::System, QStringLiteral("busy-wait of a known length")}),
          m_ns(nsPerIteration)
    { }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        using Clock = std::chrono::steady_clock;
        const auto perIteration = std::chrono::duration<double, std::nano>(m_ns);
        auto deadline = Clock::now();
        for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i) {
            // Deadlines accumulate from the start, so the batch lasts iterations × cost even
            // when a clock read lands late.
            deadline += std::chrono::duration_cast<Clock::duration>(perIteration);
            // A long iteration gives up when asked to stop, as a well-behaved workload does.
            while (Clock::now() < deadline && !stop.stop_requested()) { }
        }
        ++runCalls;
    }

    int runCalls = 0;

private:
    double m_ns;
};

// A workload of known CPU cost: each iteration spins until this thread has used
// `nsPerIteration` of CPU time. Unlike wall time, CPU time does not grow when a busy machine
// preempts the thread, so the measured CPU time per iteration must match the cost on any load.
class CpuSpinWorkload : public crucible::BasicWorkload {
public:
    explicit CpuSpinWorkload(double nsPerIteration)
        : BasicWorkload({QStringLiteral("test.cpu_spin"), crucible::Category::System,
                         QStringLiteral("CPU spin of a known length")}),
          m_ns(nsPerIteration)
    { }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        double deadline = threadCpuNow();
        for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i) {
            deadline += m_ns;
            while (threadCpuNow() < deadline) { }
        }
    }

private:
    static double threadCpuNow()
    {
        timespec ts{};
        ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1e9 + double(ts.tv_nsec);
    }

    double m_ns;
};
