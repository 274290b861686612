#include "EventQueue.h"

namespace crucible::workloads::daemon {

EventQueue::EventQueue(std::size_t capacity) : m_capacity(capacity)
{
    m_items.reserve(capacity);
}

bool EventQueue::push(Delivery delivery, bool mayBlock)
{
    bool wasEmpty = false;
    {
        std::unique_lock lock(m_mutex);
        if (mayBlock && m_items.size() >= m_capacity && !m_closed) {
            ++m_blockedProducers;
            m_notFull.wait(lock, [this] { return m_items.size() < m_capacity || m_closed; });
            --m_blockedProducers;
        }
        if (m_closed)
            return false;
        wasEmpty = m_items.empty();
        m_items.push_back(std::move(delivery));
        ++m_pushedCount;
    }
    // Only the push that makes the queue non-empty can find the consumer asleep: later pushes
    // skip the notify, which saves a system call per event under load.
    if (wasEmpty)
        m_notEmpty.notify_one();
    return true;
}

bool EventQueue::takeAll(std::vector<Delivery>& batch)
{
    bool wakeProducers = false;
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [this] { return !m_items.empty() || m_closed; });
        if (m_items.empty())
            return false; // closed and drained
        batch.swap(m_items);
        wakeProducers = m_blockedProducers > 0;
    }
    if (wakeProducers)
        m_notFull.notify_all();
    return true;
}

void EventQueue::markDelivered(std::size_t count)
{
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        m_deliveredCount += count;
        wake = m_flushWaiters > 0;
    }
    if (wake)
        m_delivered.notify_all();
}

void EventQueue::waitUntilDelivered()
{
    std::unique_lock lock(m_mutex);
    const std::uint64_t target = m_pushedCount;
    ++m_flushWaiters;
    m_delivered.wait(lock, [&] { return m_deliveredCount >= target || m_closed; });
    --m_flushWaiters;
}

void EventQueue::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_notEmpty.notify_all();
    m_notFull.notify_all();
    m_delivered.notify_all();
}

} // namespace crucible::workloads::daemon
