#pragma once

#include <sys/resource.h>
#include <sys/types.h>

#include <cstdint>

// Waiting for a child started by launch(); internal to engine/process.
namespace crucible::process {

struct Termination {
    // The child's own peak resident set, read at its exit stop while its memory still existed;
    // 0 when the child was not traced or died without that stop (SIGKILL).
    std::int64_t exitPeakBytes = 0;
};

// Blocks until the child has terminated, and leaves it a zombie: until reap(), its pid and its
// process-group id stay reserved, so signals sent to the group in between cannot reach a
// stranger that reused the number. A traced child is served on the way: the stop after its
// first exec sets the tracing options, later exec stops are continued, signals it receives are
// passed on unchanged, and at its exit stop its VmHWM is read.
Termination awaitTermination(pid_t pid, bool traced);

struct Reaped {
    int status = 0;  // as from waitpid
    rusage usage{};  // of the child and the descendants it waited for
    bool ok = false; // false: the child was gone (reaped elsewhere)
};

// Collects the terminated child's status and resource usage.
Reaped reap(pid_t pid);

} // namespace crucible::process
