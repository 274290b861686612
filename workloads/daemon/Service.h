#pragma once

#include "Event.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace crucible::workloads::daemon {

class BufferPool;
class EventRouter;
class ServiceDirectory;

enum class ServiceState : std::uint8_t { Stopped, Starting, Running, Stopping, Failed };
enum class Health : std::uint8_t { Healthy, Degraded, Unhealthy };

struct HealthReport {
    Health health = Health::Healthy;
    const char* reason = ""; // static text: a health check must not allocate
};

using SubscriptionId = std::uint64_t;

// What a service may use of the runtime it lives in, bound to the service's own id.
class ServiceContext {
public:
    ServiceContext() = default;
    ServiceContext(EventRouter& router, ServiceDirectory& directory, BufferPool& buffers, ServiceId self)
        : m_router(&router), m_directory(&directory), m_buffers(&buffers), m_self(self)
    { }

    ServiceId self() const { return m_self; }
    EventRouter& router() const { return *m_router; }
    ServiceDirectory& directory() const { return *m_directory; }
    BufferPool& buffers() const { return *m_buffers; }

    SubscriptionId subscribe(EventType type) const;
    void unsubscribe(SubscriptionId subscription) const;
    // Answers `request`: into its reply mailbox when the sender is outside the runtime,
    // otherwise as a direct event to the sending service.
    void reply(const Event& request, Payload payload) const;

private:
    EventRouter* m_router = nullptr;
    ServiceDirectory* m_directory = nullptr;
    BufferPool* m_buffers = nullptr;
    ServiceId m_self = kNoService;
};

// A service of the daemon: named, offering capabilities, started and stopped by the Runtime,
// handling events on one worker thread of the router (always the same one, so a service's
// own state needs no locking), and reporting its health to sweeps from any thread.
class Service {
public:
    Service(std::string name, std::vector<std::string> capabilities);
    virtual ~Service() = default;
    Service(const Service&) = delete;
    Service& operator=(const Service&) = delete;

    const std::string& name() const { return m_name; }
    const std::vector<std::string>& capabilities() const { return m_capabilities; }
    ServiceId id() const { return m_context.self(); }
    ServiceState state() const { return m_state.load(std::memory_order_acquire); }
    bool isRunning() const { return state() == ServiceState::Running; }
    // Bytes of pooled buffers this service may own before it counts as degraded.
    std::size_t memoryQuota() const { return m_memoryQuota; }
    void setMemoryQuota(std::size_t bytes) { m_memoryQuota = bytes; }

    // Called by health sweeps, from any thread, so it reads only atomics. The default: a
    // service that is not running is unhealthy, one whose handlers failed since the last
    // sweep or that has been idle longer than its staleness limit is degraded.
    virtual HealthReport health(std::int64_t nowNs) const;

    // Called by the router on this service's worker thread, one event at a time.
    void deliver(const Event& event);

protected:
    virtual bool onStart(const ServiceContext&) { return true; }
    virtual void onStop(const ServiceContext&) { }
    virtual void onEvent(const Event&, const ServiceContext&) { }

    const ServiceContext& context() const { return m_context; }
    void noteError() { m_errors.fetch_add(1, std::memory_order_relaxed); }
    void noteActivity(std::int64_t nowNs) { m_lastActivityNs.store(nowNs, std::memory_order_relaxed); }
    // 0 disables the idle check.
    void setStalenessLimitNs(std::int64_t ns) { m_stalenessLimitNs = ns; }

private:
    friend class Runtime; // binds the context and drives the lifecycle

    std::string m_name;
    std::vector<std::string> m_capabilities;
    ServiceContext m_context;
    std::atomic<ServiceState> m_state{ServiceState::Stopped};
    std::atomic<std::uint64_t> m_errors{0};
    mutable std::atomic<std::uint64_t> m_errorsAtLastSweep{0};
    std::atomic<std::int64_t> m_lastActivityNs{0};
    std::int64_t m_stalenessLimitNs = 0;
    std::size_t m_memoryQuota = ~std::size_t(0);
};

// Monotonic time in ns, as services stamp activity and sweeps compare it.
std::int64_t monotonicNs();

} // namespace crucible::workloads::daemon
