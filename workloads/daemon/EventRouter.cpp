#include "EventRouter.h"

#include <algorithm>

namespace crucible::workloads::daemon {

namespace {

// A subscription id carries its event type in the low byte, so unsubscribe finds the list
// without a second index.
constexpr int kTypeBits = 8;
static_assert(kEventTypeCount < (1u << kTypeBits));

// Set on the router's worker threads: what they publish must not wait for queue room.
thread_local bool t_onWorkerThread = false;

EventType typeOfSubscription(SubscriptionId id)
{
    return EventType(id & ((1u << kTypeBits) - 1));
}

} // namespace

EventRouter::EventRouter(int workerThreads, std::size_t queueCapacity)
{
    for (auto& list : m_subscribers)
        list = std::make_shared<const SubscriberList>();
    for (int i = 0; i < std::max(1, workerThreads); ++i)
        m_workers.push_back(std::make_unique<Worker>(queueCapacity));
    for (auto& worker : m_workers)
        worker->thread = std::thread([this, q = &worker->queue] { workerMain(*q); });
}

EventRouter::~EventRouter()
{
    for (auto& worker : m_workers)
        worker->queue.close();
    for (auto& worker : m_workers)
        worker->thread.join();
}

void EventRouter::workerMain(EventQueue& queue)
{
    t_onWorkerThread = true;
    std::vector<Delivery> batch;
    while (queue.takeAll(batch)) {
        for (Delivery& d : batch)
            d.service->deliver(d.event);
        const std::size_t count = batch.size();
        batch.clear(); // keeps the capacity: the vector goes back to the queue on the next swap
        queue.markDelivered(count);
    }
}

void EventRouter::attach(Service& service)
{
    std::unique_lock lock(m_mutex);
    const ServiceId id = service.id();
    if (m_services.size() <= id)
        m_services.resize(id + 1, nullptr);
    m_services[id] = &service;
}

Service* EventRouter::serviceById(ServiceId id) const
{
    std::shared_lock lock(m_mutex);
    return id < m_services.size() ? m_services[id] : nullptr;
}

std::shared_ptr<const EventRouter::SubscriberList> EventRouter::subscribersOf(EventType type) const
{
    std::shared_lock lock(m_mutex);
    return m_subscribers[type];
}

SubscriptionId EventRouter::subscribe(ServiceId subscriber, EventType type)
{
    Service* service = serviceById(subscriber);
    if (!service || type >= kEventTypeCount)
        return 0;
    const SubscriptionId id = (m_nextSubscription.fetch_add(1, std::memory_order_relaxed) << kTypeBits) | type;
    std::lock_guard write(m_writeMutex);
    auto list = std::make_shared<SubscriberList>(*subscribersOf(type));
    list->push_back({id, service, workerOf(subscriber)});
    std::unique_lock lock(m_mutex);
    m_subscribers[type] = std::move(list);
    return id;
}

bool EventRouter::unsubscribe(SubscriptionId subscription)
{
    const EventType type = typeOfSubscription(subscription);
    if (type >= kEventTypeCount)
        return false;
    std::lock_guard write(m_writeMutex);
    const std::shared_ptr<const SubscriberList> current = subscribersOf(type);
    const auto it =
        std::find_if(current->begin(), current->end(), [&](const Subscriber& s) { return s.id == subscription; });
    if (it == current->end())
        return false;
    auto list = std::make_shared<SubscriberList>();
    list->reserve(current->size() - 1);
    list->insert(list->end(), current->begin(), it);
    list->insert(list->end(), it + 1, current->end());
    std::unique_lock lock(m_mutex);
    m_subscribers[type] = std::move(list);
    return true;
}

std::size_t EventRouter::publish(const Event& event)
{
    const std::shared_ptr<const SubscriberList> subscribers = subscribersOf(event.type());
    std::size_t queued = 0;
    for (const Subscriber& s : *subscribers)
        queued += m_workers[std::size_t(s.worker)]->queue.push({s.service, event}, !t_onWorkerThread) ? 1 : 0;
    return queued;
}

bool EventRouter::send(ServiceId target, Event event)
{
    Service* service = serviceById(target);
    return service
        && m_workers[std::size_t(workerOf(target))]->queue.push({service, std::move(event)}, !t_onWorkerThread);
}

void EventRouter::flush()
{
    for (auto& worker : m_workers)
        worker->queue.waitUntilDelivered();
}

} // namespace crucible::workloads::daemon
