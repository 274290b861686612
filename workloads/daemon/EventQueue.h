#pragma once

#include "Event.h"

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <vector>

namespace crucible::workloads::daemon {

class Service;

// One event on its way to one service.
struct Delivery {
    Service* service = nullptr;
    Event event;
};

// The queue in front of one worker thread: many producers, one consumer. Bounded, so that a
// fast publisher is slowed to the pace of its consumers instead of growing memory without
// limit. The consumer takes everything queued at once, paying for the lock once per batch.
class EventQueue {
public:
    explicit EventQueue(std::size_t capacity);

    // Blocks while the queue is full if `mayBlock`; returns false, dropping the delivery, once
    // closed. Worker threads push without blocking: two workers each waiting for room in the
    // other's full queue would never wake, so backpressure applies to outside publishers only.
    bool push(Delivery delivery, bool mayBlock);
    // Swaps everything queued into `batch` (which must be empty), blocking while there is
    // nothing; returns false when the queue is closed and empty.
    bool takeAll(std::vector<Delivery>& batch);
    // Called by the consumer after handling a batch, so that waitUntilDelivered() can return.
    void markDelivered(std::size_t count);
    // Waits until every delivery pushed before this call has been handled (or the queue closed).
    void waitUntilDelivered();
    // Wakes everyone; later pushes fail and the consumer stops once the queue is empty.
    void close();

private:
    const std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_notEmpty;
    std::condition_variable m_notFull;
    std::condition_variable m_delivered;
    std::vector<Delivery> m_items;
    std::uint64_t m_pushedCount = 0;
    std::uint64_t m_deliveredCount = 0;
    int m_flushWaiters = 0;
    int m_blockedProducers = 0;
    bool m_closed = false;
};

} // namespace crucible::workloads::daemon
