#pragma once

#include <cstdint>

namespace crucible {

// How long and how often each workload is measured.
struct MeasurementSettings {
    double warmUpSeconds = 1.0;
    double measurementSeconds = 3.0;
    int sampleCount = 50;
    // 0: calibrate iterations per sample; otherwise this many, no calibration (--iterations).
    std::uint64_t fixedIterations = 0;
    // The samples are taken in this many rounds, each round visiting every selected workload
    // (engine/SuiteRunner.h), so that a slow phase of the machine hits them all alike; the
    // rounds are the unit of replication of a verdict (engine/Verdict.h). At most sampleCount
    // rounds are made. 1 measures each workload in one go, as before rounds existed.
    int rounds = kDefaultRounds;
    // >= 0: a workload that measures itself (an external command) is warmed up by exactly this
    // many untimed runs instead of for warmUpSeconds (--warmup N, as hyperfine counts it).
    int warmUpRuns = -1;

    static constexpr int kDefaultRounds = 10;
    static constexpr int kQuickCheckRounds = 5;

    // --quick-check: enough samples for a sanity run, so the whole default suite stays well
    // under a minute.
    static MeasurementSettings quickCheck() { return {0.05, 0.25, 10, 0, kQuickCheckRounds, -1}; }

    // The rounds a run of these settings makes: `rounds` within 1 … sampleCount.
    int effectiveRounds() const
    {
        return sampleCount < 1 ? 1 : (rounds < 1 ? 1 : (rounds > sampleCount ? sampleCount : rounds));
    }
    // How many samples each workload takes in round `round` of effectiveRounds(): the samples
    // spread evenly, the first rounds taking one more when they do not divide.
    int samplesInRound(int round) const
    {
        const int r = effectiveRounds();
        const int n = sampleCount < 1 ? 1 : sampleCount;
        return n / r + (round < n % r ? 1 : 0);
    }
};

} // namespace crucible
