#pragma once

#include <sys/resource.h>
#include <sys/time.h>

// CPU time as getrusage() reports it, in nanoseconds: the engine's per-sample CPU figure, a
// child process's user and system time, and workloads that measure their own threads all read
// it the same way.
namespace crucible {

struct CpuTimes {
    double userNs = 0;
    double sysNs = 0;
};

inline double timevalNs(const timeval& tv)
{
    return double(tv.tv_sec) * 1e9 + double(tv.tv_usec) * 1e3;
}

inline CpuTimes cpuTimesOf(const rusage& usage)
{
    return {timevalNs(usage.ru_utime), timevalNs(usage.ru_stime)};
}

// The calling thread's CPU time so far (Linux RUSAGE_THREAD).
inline CpuTimes threadCpuTimes()
{
    rusage usage{};
    ::getrusage(RUSAGE_THREAD, &usage);
    return cpuTimesOf(usage);
}

} // namespace crucible
