#pragma once

#include "Event.h"
#include "EventQueue.h"
#include "Service.h"

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <vector>

namespace crucible::workloads::daemon {

// Routes typed events to the services subscribed to their type, across worker threads. Each
// service is bound to one worker (by its id), so its handlers run one at a time on one thread
// and in the order events were published to it.
//
// Subscriber lists are copy-on-write: publishing takes a reference to the current list under
// a brief shared lock and delivers without holding any lock, so subscription changes never
// stall publishers and publishers never stall each other.
class EventRouter {
public:
    EventRouter(int workerThreads, std::size_t queueCapacity);
    ~EventRouter(); // closes the queues, lets the workers drain them, joins
    EventRouter(const EventRouter&) = delete;
    EventRouter& operator=(const EventRouter&) = delete;

    int workerOf(ServiceId id) const { return int(id % m_workers.size()); }

    // Makes `service` reachable by its id; the runtime calls this once per service.
    void attach(Service& service);

    SubscriptionId subscribe(ServiceId subscriber, EventType type);
    // Returns false when the subscription does not exist (any more).
    bool unsubscribe(SubscriptionId subscription);

    // Queues `event` for every subscriber of its type; returns how many deliveries it queued.
    // From outside the router this waits while a subscriber's queue is full (backpressure).
    std::size_t publish(const Event& event);
    // Queues `event` for one service, subscribed or not; false when there is no such service.
    bool send(ServiceId target, Event event);
    // Returns once everything queued before the call has been handled. Not from a handler:
    // a worker would wait for itself.
    void flush();

private:
    struct Subscriber {
        SubscriptionId id = 0;
        Service* service = nullptr;
        int worker = 0;
    };
    using SubscriberList = std::vector<Subscriber>;

    struct Worker {
        explicit Worker(std::size_t capacity) : queue(capacity) { }
        EventQueue queue;
        std::thread thread;
    };

    void workerMain(EventQueue& queue);
    std::shared_ptr<const SubscriberList> subscribersOf(EventType type) const;
    Service* serviceById(ServiceId id) const;

    std::vector<std::unique_ptr<Worker>> m_workers;

    mutable std::shared_mutex m_mutex; // guards the two members below
    std::array<std::shared_ptr<const SubscriberList>, kEventTypeCount> m_subscribers;
    std::vector<Service*> m_services; // by id

    std::mutex m_writeMutex; // serialises subscribe/unsubscribe (copy, edit, swap)
    std::atomic<SubscriptionId> m_nextSubscription{1};
};

} // namespace crucible::workloads::daemon
