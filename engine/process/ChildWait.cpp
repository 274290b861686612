#include "ChildWait.h"

#include "ProcessMemory.h"

#include <cerrno>
#include <csignal>

#include <sys/ptrace.h>
#include <sys/wait.h>

namespace crucible::process {

namespace {

constexpr int exitEventCode = SIGTRAP | (PTRACE_EVENT_EXIT << 8);

// Resumes a tracee from one stop. Returns the peak memory read at an exit stop, else 0.
std::int64_t serveStop(pid_t pid, bool firstStop)
{
    if (firstStop) {
        // The SIGTRAP that follows the first exec of a traced child. From here on: stop at
        // exit (the moment to read the peak), turn later execs into events instead of SIGTRAPs
        // that would kill the command, and kill the child should this process die.
        // ptrace(2) takes its options and signals in the pointer argument.
        ::ptrace(
            PTRACE_SETOPTIONS, pid, nullptr,
            reinterpret_cast<void*>(long(PTRACE_O_TRACEEXIT | PTRACE_O_TRACEEXEC // NOLINT(performance-no-int-to-ptr)
                                         | PTRACE_O_EXITKILL)));
        ::ptrace(PTRACE_CONT, pid, nullptr, nullptr);
        return 0;
    }
    siginfo_t info{};
    if (::ptrace(PTRACE_GETSIGINFO, pid, nullptr, &info) != 0) {
        // EINVAL: a group stop (SIGSTOP and friends). A benchmarked command is not meant to be
        // paused, so it is resumed; ESRCH: it died meanwhile, nothing to do.
        if (errno == EINVAL)
            ::ptrace(PTRACE_CONT, pid, nullptr, nullptr);
        return 0;
    }
    // A ptrace event reports SIGTRAP | event << 8 as its code; anything else is a signal on its
    // way to the child (a kill, a fault, an abort's tgkill), which must reach it unchanged.
    const bool event = info.si_signo == SIGTRAP && info.si_code > 0 && (info.si_code >> 8) != 0;
    std::int64_t peak = 0;
    long passOn = 0;
    if (info.si_code == exitEventCode)
        peak = peakRssBytesOf(pid); // it is exiting, its memory is still mapped: this is final
    else if (!event)
        passOn = info.si_signo;
    ::ptrace(PTRACE_CONT, pid, nullptr, reinterpret_cast<void*>(passOn)); // NOLINT(performance-no-int-to-ptr)
    return peak;
}

} // namespace

Termination awaitTermination(pid_t pid, bool traced)
{
    Termination termination;
    bool firstStop = traced;
    const int events = WEXITED | (traced ? WSTOPPED : 0) | __WALL;
    for (;;) {
        siginfo_t info{};
        // WNOWAIT: look, do not reap.
        if (::waitid(P_PID, id_t(pid), &info, events | WNOWAIT) != 0) {
            if (errno == EINTR)
                continue;
            return termination; // ECHILD: nothing left to wait for
        }
        if (info.si_code == CLD_EXITED || info.si_code == CLD_KILLED || info.si_code == CLD_DUMPED)
            return termination;
        // A stop. Consume it without WEXITED, so that if the child was killed meanwhile this
        // cannot reap it by accident.
        siginfo_t stop{};
        if (::waitid(P_PID, id_t(pid), &stop, WSTOPPED | WNOHANG | __WALL) != 0 || stop.si_pid == 0)
            continue;
        if (const std::int64_t peak = serveStop(pid, firstStop))
            termination.exitPeakBytes = peak;
        firstStop = false;
    }
}

Reaped reap(pid_t pid)
{
    Reaped reaped;
    for (;;) {
        const pid_t r = ::wait4(pid, &reaped.status, __WALL, &reaped.usage);
        if (r == pid) {
            reaped.ok = true;
            return reaped;
        }
        if (r < 0 && errno != EINTR)
            return reaped;
    }
}

} // namespace crucible::process
