#include "Mailbox.h"

namespace crucible::workloads::daemon {

void Mailbox::post(Event event)
{
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back(std::move(event));
    }
    m_arrived.notify_one();
}

Event Mailbox::wait()
{
    std::unique_lock lock(m_mutex);
    m_arrived.wait(lock, [this] { return !m_events.empty(); });
    Event event = std::move(m_events.front());
    m_events.pop_front();
    return event;
}

} // namespace crucible::workloads::daemon
