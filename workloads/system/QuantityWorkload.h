#pragma once

#include "Workload.h"

#include <optional>
#include <stop_token>

// Figures that are not times of this thread: a size in bytes, a memory figure.
namespace crucible::workloads::sys {

// A workload that measures a quantity (its info's unit, e.g. "bytes") once per sample.
// The engine times run() for ordinary workloads, which would record how long reading the
// quantity took, labelled as the quantity: a lie. So it measures itself (Workload::
// measuresItself()): each sample is one reading, iterations 1, the value in the sample's
// elapsedNs field (SPEC.md: sample values are times "unless unit says otherwise") and the
// resident set the figure concerns in rssBytes. Every statistic is then over the readings.
class QuantityWorkload : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    struct Quantity {
        double value = 0;
        std::int64_t rssBytes = 0;
    };

    // Takes one reading; throws std::runtime_error when it cannot. `stop` matters only to
    // readings that run a child process.
    virtual Quantity measure(std::stop_token stop) = 0;

    bool measuresItself() const override { return true; }
    std::optional<Sample> measureIteration(std::stop_token stop) override;
    // Readings as iterations, for callers that run workloads without measuring them (tests).
    void run(std::uint64_t iterations, std::stop_token stop) override;
};

} // namespace crucible::workloads::sys
