#pragma once

#include <cstdint>

namespace crucible {

// Resident set size of this process, read with pread() on a /proc/self/statm descriptor kept
// open for the life of the process: under a microsecond, cheap enough to take per sample.
// Returns 0 where /proc is unavailable.
std::int64_t currentRssBytes();

// Peak resident set (VmHWM) of this process, from /proc/self/status; 0 if unavailable.
std::int64_t peakRssBytes();

// Peak resident set (VmHWM) of another process, from /proc/PID/status; 0 if unavailable (no
// such process, or one that has already released its memory on exit).
std::int64_t peakRssBytesOf(int pid);

} // namespace crucible
