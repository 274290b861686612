#include "RoutingWorkloads.h"

#include "DaemonInfo.h"
#include "DemoServices.h"
#include "DoNotOptimize.h"
#include "Mailbox.h"
#include "Runtime.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace crucible::workloads::daemon {

namespace {

constexpr int kWorkers = 2;

// The four event types the throughput workload publishes, one sink subscribed to each, so
// that every published event is exactly one delivery.
std::array<Event, 4> throughputEvents()
{
    LogRecord log{2, 4711, {}};
    const char text[] = "disk usage above 80%";
    std::copy(std::begin(text), std::end(text), log.text.begin());
    return {Event{kNoService, nullptr, MetricSample{7, 0.93, 1'700'000'000}}, Event{kNoService, nullptr, log},
            Event{kNoService, nullptr, WorkItem{42, 3}}, Event{kNoService, nullptr, ConfigChanged{5, 120}}};
}

// Events published from the benchmark thread and delivered to sink services on the router's
// two worker threads. The batch ends when every event has been handled, so the time per
// iteration is publish + queue + hand-over to another thread + handler, per event.
class RoutingThroughput final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    void setUp(std::stop_token) override
    {
        m_runtime = std::make_unique<Runtime>(RuntimeOptions{kWorkers, 4096, 64});
        m_sinks.clear();
        for (EventType type : {eventTypeOf<MetricSample>(), eventTypeOf<LogRecord>(), eventTypeOf<WorkItem>(),
                               eventTypeOf<ConfigChanged>()}) {
            auto sink = std::make_unique<SinkService>("sink-" + std::to_string(type), type);
            m_sinks.push_back(sink.get());
            m_runtime->add(std::move(sink));
        }
        m_runtime->startAll();
        run(1000, {});
        if (received() != 1000)
            throw std::runtime_error("events were lost between publisher and sinks");
    }

    void tearDown() override
    {
        m_sinks.clear();
        m_runtime.reset();
    }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        EventRouter& router = m_runtime->router();
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (stopRequestedAt(i, stop))
                break;
            router.publish(m_events[i & 3]);
        }
        router.flush();
    }

private:
    std::uint64_t received() const
    {
        std::uint64_t n = 0;
        for (const SinkService* sink : m_sinks)
            n += sink->received();
        return n;
    }

    const std::array<Event, 4> m_events = throughputEvents();
    std::unique_ptr<Runtime> m_runtime;
    std::vector<const SinkService*> m_sinks;
};

// One request/response: a Ping sent from the benchmark thread to an echo service on a worker
// thread, and its Pong back into the caller's mailbox. Two thread hand-overs per iteration.
class RoutingLatency final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    void setUp(std::stop_token) override
    {
        m_runtime = std::make_unique<Runtime>(RuntimeOptions{kWorkers, 1024, 16});
        m_echo = m_runtime->add(std::make_unique<EchoService>("echo"));
        m_runtime->startAll();
        m_sequence = 0;
    }

    void tearDown() override { m_runtime.reset(); }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i) {
            const std::uint64_t sequence = ++m_sequence;
            if (!m_runtime->router().send(m_echo, Event{kNoService, &m_mailbox, Ping{sequence}}))
                throw std::runtime_error("the echo service is not routable");
            const Event reply = m_mailbox.wait();
            const Pong* pong = std::get_if<Pong>(&reply.payload);
            if (!pong || pong->sequence != sequence)
                throw std::runtime_error("the echo service answered out of order");
            doNotOptimize(pong->responder);
        }
    }

private:
    std::unique_ptr<Runtime> m_runtime;
    Mailbox m_mailbox;
    ServiceId m_echo = kNoService;
    std::uint64_t m_sequence = 0;
};

// One subscribe plus one unsubscribe per iteration, on a router that already holds 512
// subscriptions over its event types, as services come and go or change interest.
class SubscriptionChurn final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;
    static constexpr int kServices = 64;
    static constexpr int kStandingSubscriptions = 512;

    void setUp(std::stop_token) override
    {
        m_runtime = std::make_unique<Runtime>(RuntimeOptions{kWorkers, 1024, kServices});
        for (int i = 0; i < kServices; ++i)
            m_runtime->add(
                std::make_unique<CatalogService>("service-" + std::to_string(i), std::vector<std::string>{"worker"}));
        m_runtime->startAll();
        for (int i = 0; i < kStandingSubscriptions; ++i)
            m_runtime->router().subscribe(ServiceId(i % kServices), EventType(i % int(kEventTypeCount)));
        m_next = 0;
    }

    void tearDown() override { m_runtime.reset(); }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        EventRouter& router = m_runtime->router();
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (stopRequestedAt(i, stop))
                return;
            const std::uint64_t k = m_next++;
            const SubscriptionId id = router.subscribe(ServiceId(k % kServices), EventType(k % kEventTypeCount));
            if (!router.unsubscribe(id))
                throw std::runtime_error("a fresh subscription could not be removed");
        }
    }

private:
    std::unique_ptr<Runtime> m_runtime;
    std::uint64_t m_next = 0;
};

} // namespace

void registerRoutingWorkloads(WorkloadRegistry& registry)
{
    registry.add<RoutingThroughput>(
        daemonInfo("event_routing.throughput", "event",
                   "Publishes typed events to subscribed services on 2 worker threads of the daemon's event "
                   "router, through bounded queues; time per event delivered and handled"));
    registry.add<RoutingLatency>(
        daemonInfo("event_routing.latency", "round trip",
                   "Sends a request event to a service on another thread and waits for its reply: one round "
                   "trip through the daemon's event router"));
    registry.add<SubscriptionChurn>(
        daemonInfo("subscription_churn", "subscription",
                   "Subscribes a service to an event type and unsubscribes it again, on a router holding 512 "
                   "subscriptions (copy-on-write subscriber lists)"));
}

} // namespace crucible::workloads::daemon
