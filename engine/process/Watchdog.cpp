#include "Watchdog.h"

#include "ProcessMemory.h"

#include <algorithm>
#include <csignal>

namespace crucible::process {

namespace {
using Ms = std::chrono::milliseconds;
} // namespace

Watchdog& Watchdog::ofThisThread()
{
    thread_local Watchdog watchdog;
    return watchdog;
}

Watchdog::Watchdog() : m_thread([this] { loop(); })
{ }

Watchdog::~Watchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void Watchdog::watch(pid_t group, double timeoutSeconds, bool pollPeak)
{
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        const auto now = Clock::now();
        m_group = group;
        m_pollPeak = pollPeak;
        m_deadline = timeoutSeconds > 0
            ? now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeoutSeconds))
            : Clock::time_point::max();
        m_nextPoll = now;
        // Only a deadline, polling or a stop that came before the child needs the thread now;
        // a later stop request wakes it on its own. So a plain run (no timeout, traced) costs
        // no wake-up at all.
        wake = timeoutSeconds > 0 || pollPeak || m_stopRequested;
    }
    if (wake)
        m_wake.notify_all();
}

void Watchdog::requestStop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopRequested = true;
    }
    m_wake.notify_all();
}

WatchReport Watchdog::finish()
{
    std::lock_guard lock(m_mutex);
    const WatchReport report = m_report;
    m_group = 0;
    m_pollPeak = false;
    m_deadline = Clock::time_point::max();
    m_stopRequested = false;
    m_terminating = false;
    m_killed = false;
    m_report = {};
    return report;
}

Watchdog::Clock::time_point Watchdog::serve(Clock::time_point now)
{
    if (!m_terminating && (m_stopRequested || now >= m_deadline)) {
        (m_stopRequested ? m_report.stopped : m_report.timedOut) = true;
        ::killpg(m_group, SIGTERM);
        m_terminating = true;
        m_killAt = now + Ms(m_report.stopped ? kStopGraceMs : kTimeoutGraceMs);
    } else if (m_terminating && !m_killed && now >= m_killAt) {
        ::killpg(m_group, SIGKILL);
        m_killed = true;
    }
    if (m_pollPeak && now >= m_nextPoll) {
        // Under the lock, so that finish() cannot return (and the child be reaped, its pid
        // reused) while this reads /proc/PID/status.
        m_report.polledPeakBytes = std::max(m_report.polledPeakBytes, peakRssBytesOf(m_group));
        m_nextPoll = now + Ms(kPollIntervalMs);
    }
    auto wakeAt = m_terminating ? (m_killed ? Clock::time_point::max() : m_killAt) : m_deadline;
    if (m_pollPeak)
        wakeAt = std::min(wakeAt, m_nextPoll);
    return wakeAt;
}

void Watchdog::loop()
{
    std::unique_lock lock(m_mutex);
    while (!m_quit) {
        const auto wakeAt = m_group != 0 ? serve(Clock::now()) : Clock::time_point::max();
        if (wakeAt == Clock::time_point::max())
            m_wake.wait(lock);
        else
            m_wake.wait_until(lock, wakeAt);
    }
}

} // namespace crucible::process
