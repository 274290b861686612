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

    // --quick-check: enough samples for a sanity run, so the whole default suite stays well
    // under a minute.
    static MeasurementSettings quickCheck() { return {0.05, 0.25, 10, 0}; }
};

} // namespace crucible
