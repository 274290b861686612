#include "QuantityWorkload.h"

#include "DoNotOptimize.h"

namespace crucible::workloads::sys {

void QuantityWorkload::run(std::uint64_t iterations, std::stop_token stop)
{
    for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i) {
        const Quantity q = measure(stop);
        doNotOptimize(q.value);
    }
}

std::optional<Sample> QuantityWorkload::measureIteration(std::stop_token stop)
{
    const Quantity q = measure(stop);
    if (stop.stop_requested())
        return std::nullopt;
    Sample sample;
    sample.iterations = 1;
    sample.elapsedNs = q.value;
    sample.rssBytes = q.rssBytes;
    return sample;
}

} // namespace crucible::workloads::sys
