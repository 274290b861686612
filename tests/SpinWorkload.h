#pragma once

#include "Workload.h"

#include <chrono>

// A workload of known cost: each iteration busy-waits until `nsPerIteration` nanoseconds of
// steady-clock time have passed. The measurement loop must report that cost back.
class SpinWorkload : public crucible::BasicWorkload {
public:
    explicit SpinWorkload(double nsPerIteration, QString id = QStringLiteral("test.spin"))
        : BasicWorkload({id, crucible::Category::System, QStringLiteral("busy-wait of a known length")}),
          m_ns(nsPerIteration)
    {
    }

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
            while (Clock::now() < deadline && !stop.stop_requested()) {
            }
        }
        ++runCalls;
    }

    int runCalls = 0;

private:
    double m_ns;
};
