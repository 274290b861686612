#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

// Ends a command that runs too long or is no longer wanted; internal to engine/process.
namespace crucible::process {

// What the watchdog did to one child.
struct WatchReport {
    bool timedOut = false;
    bool stopped = false;
    std::int64_t polledPeakBytes = 0;
};

// A thread beside the one blocked in waitid(): on timeout or on a stop request it sends SIGTERM
// to the child's process group and, after a grace period, SIGKILL.
// One per thread that runs commands, started by its first command and reused by the next:
// starting a thread for every execution put ~100 µs into each measured time (on a 2-core VM
// the new thread's start-up ran while the child did), +8-10 % on `true` against hyperfine -N.
// Arming it for a child is a store under a lock and one wake-up.
class Watchdog {
public:
    // The calling thread's watchdog; its thread ends with the calling thread.
    static Watchdog& ofThisThread();

    Watchdog();
    ~Watchdog();
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

    // Starts watching the group whose id is `group` (the child's pid). timeoutSeconds <= 0: no
    // timeout. With `pollPeak`, it also reads the child's VmHWM every few milliseconds (the
    // fallback when the child is not traced and so has no exit stop).
    void watch(pid_t group, double timeoutSeconds, bool pollPeak);
    // Asks to end the watched child (or the next one, if none is watched yet). Safe from any
    // thread; a std::stop_callback calls it.
    void requestStop();
    // The child has terminated but is not reaped yet (so the group id is still reserved): from
    // here on nothing is signalled or read, and the watchdog is ready for the next child.
    WatchReport finish();

    // SIGTERM first, so that a command can clean up; SIGKILL after the grace.
    static constexpr int kTimeoutGraceMs = 200;
    static constexpr int kStopGraceMs = 20; // a stop must take effect within ~50 ms
    static constexpr int kPollIntervalMs = 2;

private:
    using Clock = std::chrono::steady_clock;

    void loop();
    // One pass over the armed child, under the lock; returns when to look again.
    Clock::time_point serve(Clock::time_point now);

    std::mutex m_mutex;
    std::condition_variable m_wake;
    // The armed child; all of it guarded by m_mutex.
    pid_t m_group = 0;
    bool m_pollPeak = false;
    Clock::time_point m_deadline = Clock::time_point::max();
    bool m_stopRequested = false;
    bool m_terminating = false;
    bool m_killed = false;
    Clock::time_point m_killAt{};
    Clock::time_point m_nextPoll{};
    WatchReport m_report;
    bool m_quit = false;
    std::thread m_thread; // last: it starts running at once
};

} // namespace crucible::process
