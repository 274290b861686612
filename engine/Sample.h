#pragma once

#include <QMetaType>

#include <cstdint>
#include <vector>

namespace crucible {

// One measured batch of iterations. Every field is a total for the batch; per-iteration
// figures are derived. New measures (hardware counters such as instructions) are added as
// further fields, so that code handling samples by value keeps working.
struct Sample {
    std::uint64_t iterations = 0;
    double elapsedNs = 0;      // wall time of the batch (steady clock)
    double cpuNs = 0;          // CPU time of the measuring thread (or of the child, for commands)
    std::int64_t rssBytes = 0; // resident set after the batch (or the child's peak, for commands)
    // cpuNs split into user and system time where the source tells them apart (wait4, for
    // commands); 0 for in-process batches, whose thread time is split per workload instead.
    double userNs = 0;
    double sysNs = 0;
    // When the sample began, in ns since its run began (engine/SuiteRunner.h); 0 where not
    // known (samples read back from the history or a file). Shows how samples interleaved.
    double startedNs = 0;
    // An external command's exit code and the signal that ended it (0: none); with
    // --ignore-failure they vary from run to run (hyperfine's exit_codes).
    int exitCode = 0;
    int signal = 0;

    double perIterationNs() const { return iterations ? elapsedNs / double(iterations) : 0.0; }
    bool operator==(const Sample&) const = default;
};

using Samples = std::vector<Sample>;

std::vector<double> perIterationTimes(const Samples& samples);

} // namespace crucible

Q_DECLARE_METATYPE(crucible::Sample)
