#include "ChildProcessWorkload.h"

#include "CheckedCommand.h"

namespace crucible::workloads::sys {

std::optional<Sample> ChildProcessWorkload::measureIteration(std::stop_token stop)
{
    Sample sample;
    sample.iterations = 1;
    for (const CommandSpec& spec : commandsForIteration()) {
        const CommandOutcome outcome = runChecked(spec, stop);
        if (outcome.stopped || stop.stop_requested())
            return std::nullopt;
        accumulate(sample, outcome);
    }
    return sample;
}

void ChildProcessWorkload::run(std::uint64_t iterations, std::stop_token stop)
{
    for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i)
        for (const CommandSpec& spec : commandsForIteration())
            if (runChecked(spec, stop).stopped)
                return;
}

} // namespace crucible::workloads::sys
