#pragma once

#include "Event.h"

#include <condition_variable>
#include <deque>
#include <mutex>

namespace crucible::workloads::daemon {

// Where replies to a caller outside the runtime arrive: any thread posts, the owner waits.
// This is how a request from a client thread gets its answer from a service on a worker.
class Mailbox {
public:
    void post(Event event);
    // Blocks until an event has arrived and returns the oldest.
    Event wait();

private:
    std::mutex m_mutex;
    std::condition_variable m_arrived;
    std::deque<Event> m_events;
};

} // namespace crucible::workloads::daemon
