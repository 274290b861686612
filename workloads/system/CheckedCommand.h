#pragma once

#include "Sample.h"
#include "process/CommandRunner.h"

#include <stop_token>

// Running a child process from inside a workload.
namespace crucible::workloads::sys {

// Runs `spec` through the engine's runCommand (no shell, own process group). When the command
// did not end as expected it throws WorkloadFailure with the outcome's status (failed, timeout,
// crashed) and an error naming the command, so that the engine records the failure instead of
// timing it. A stop request kills the child; that outcome (stopped) is returned without a
// throw, and the caller returns.
CommandOutcome runChecked(const CommandSpec& spec, std::stop_token stop);

// The child's figures as a sample of one iteration: its wall time, its user + system time,
// its own peak resident set.
Sample sampleOf(const CommandOutcome& outcome);

// Adds one more child to a sample whose iteration is several commands: times add up, the
// peak is the largest of the children's peaks (they run one after another, never together).
void accumulate(Sample& sample, const CommandOutcome& outcome);

} // namespace crucible::workloads::sys
