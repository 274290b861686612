#pragma once

#include "BufferPool.h"
#include "Service.h"

#include <atomic>
#include <cstdint>

// The services the daemon workloads populate a runtime with: small, but each doing the real
// thing its role needs (counting and aggregating, answering, holding state and subscriptions).
namespace crucible::workloads::daemon {

// Subscribes to one event type while running and aggregates what it receives.
class SinkService final : public Service {
public:
    SinkService(std::string name, EventType type);
    std::uint64_t received() const { return m_received.load(std::memory_order_acquire); }

protected:
    bool onStart(const ServiceContext& context) override;
    void onStop(const ServiceContext& context) override;
    void onEvent(const Event& event, const ServiceContext& context) override;

private:
    EventType m_type;
    SubscriptionId m_subscription = 0;
    std::atomic<std::uint64_t> m_received{0};
    double m_sum = 0;        // worker-thread only
    std::uint64_t m_mix = 0; // worker-thread only
};

// Answers every Ping with a Pong carrying the same sequence number.
class EchoService final : public Service {
public:
    explicit EchoService(std::string name);

protected:
    void onEvent(const Event& event, const ServiceContext& context) override;
};

// A service with state of its own: on start it takes a state buffer from the pool, fills it
// and subscribes to configuration changes; on stop it undoes both. What a start/stop costs.
class StatefulService final : public Service {
public:
    StatefulService(std::string name, std::vector<std::string> capabilities, std::size_t stateBytes);

protected:
    bool onStart(const ServiceContext& context) override;
    void onStop(const ServiceContext& context) override;
    void onEvent(const Event& event, const ServiceContext& context) override;

private:
    std::size_t m_stateBytes;
    Buffer m_state;
    SubscriptionId m_subscription = 0;
};

// A service that only exists to be found and checked: name, capabilities, health.
class CatalogService final : public Service {
public:
    using Service::noteError;
    using Service::Service;
    using Service::setStalenessLimitNs;
};

} // namespace crucible::workloads::daemon
