#include "Watchdog.h"

#include "ProcessMemory.h"

#include <algorithm>
#include <chrono>
#include <csignal>

namespace crucible::process {

namespace {
using Clock = std::chrono::steady_clock;
using Ms = std::chrono::milliseconds;
} // namespace

Watchdog::Watchdog(double timeoutSeconds, std::stop_token stop)
    : m_timeoutSeconds(timeoutSeconds), m_thread([this] { loop(); }), m_onStop(std::move(stop), [this] {
          {
              std::lock_guard lock(m_mutex);
              m_stopRequested = true;
          }
          m_wake.notify_all();
      })
{ }

Watchdog::~Watchdog()
{
    finish();
}

void Watchdog::watch(pid_t group, bool pollPeak)
{
    {
        std::lock_guard lock(m_mutex);
        m_group = group;
        m_pollPeak = pollPeak;
    }
    m_wake.notify_all();
}

void Watchdog::finish()
{
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void Watchdog::loop()
{
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return m_finished || m_group != 0; });
    const auto started = Clock::now();
    const bool hasTimeout = m_timeoutSeconds > 0;
    const auto deadline = started
        + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(hasTimeout ? m_timeoutSeconds : 0));
    bool terminating = false;
    bool killed = false;
    Clock::time_point killAt{};
    auto nextPoll = started;

    while (!m_finished) {
        const auto now = Clock::now();
        if (!terminating && (m_stopRequested || (hasTimeout && now >= deadline))) {
            (m_stopRequested ? m_stopped : m_timedOut) = true;
            ::killpg(m_group, SIGTERM);
            terminating = true;
            killAt = now + Ms(m_stopped ? kStopGraceMs : kTimeoutGraceMs);
        } else if (terminating && !killed && now >= killAt) {
            ::killpg(m_group, SIGKILL);
            killed = true;
        }
        if (m_pollPeak && now >= nextPoll) {
            // Read outside the lock: finish() may be waiting. The child is not reaped before
            // finish() has joined this thread, so the pid still names it.
            const pid_t pid = m_group;
            lock.unlock();
            const std::int64_t peak = peakRssBytesOf(pid);
            lock.lock();
            m_polledPeak = std::max(m_polledPeak, peak);
            nextPoll = now + Ms(kPollIntervalMs);
        }

        auto wakeAt = Clock::time_point::max();
        if (!terminating && hasTimeout)
            wakeAt = deadline;
        if (terminating && !killed)
            wakeAt = killAt;
        if (m_pollPeak)
            wakeAt = std::min(wakeAt, nextPoll);
        if (wakeAt == Clock::time_point::max())
            m_wake.wait(lock);
        else
            m_wake.wait_until(lock, wakeAt);
    }
}

} // namespace crucible::process
