#pragma once

#include <sys/types.h>

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>

// Ends a command that runs too long or is no longer wanted; internal to engine/process.
namespace crucible::process {

// A thread beside the one blocked in waitid(): on timeout or on a stop request it sends SIGTERM
// to the child's process group and, after a grace period, SIGKILL. Created before the child is
// started so that starting the thread is not part of the timed run.
class Watchdog {
public:
    // timeoutSeconds <= 0: no timeout.
    Watchdog(double timeoutSeconds, std::stop_token stop);
    ~Watchdog();
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

    // Starts watching the group whose id is `group` (the child's pid). With `pollPeak`, it also
    // reads the child's VmHWM every few milliseconds (the fallback when the child is not
    // traced and so has no exit stop).
    void watch(pid_t group, bool pollPeak);
    // The child has terminated but is not reaped yet (so the group id is still reserved): from
    // here on nothing is signalled. Joins the thread.
    void finish();

    bool timedOut() const { return m_timedOut; }
    bool stopped() const { return m_stopped; }
    std::int64_t polledPeakBytes() const { return m_polledPeak; }

    // SIGTERM first, so that a command can clean up; SIGKILL after the grace.
    static constexpr int kTimeoutGraceMs = 200;
    static constexpr int kStopGraceMs = 20; // a stop must take effect within ~50 ms
    static constexpr int kPollIntervalMs = 2;

private:
    void loop();

    const double m_timeoutSeconds;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    pid_t m_group = 0;
    bool m_pollPeak = false;
    bool m_finished = false;
    bool m_stopRequested = false;
    bool m_timedOut = false;
    bool m_stopped = false;
    std::int64_t m_polledPeak = 0;
    std::thread m_thread;
    std::stop_callback<std::function<void()>> m_onStop; // last: it may fire at once
};

} // namespace crucible::process
