#pragma once

#include "BufferPool.h"
#include "EventRouter.h"
#include "Service.h"
#include "ServiceDirectory.h"

#include <memory>
#include <shared_mutex>
#include <vector>

namespace crucible::workloads::daemon {

struct RuntimeOptions {
    int workerThreads = 2;
    std::size_t queueCapacity = 4096; // per worker
    std::size_t maxServices = 4096;
};

struct HealthSummary {
    std::size_t healthy = 0;
    std::size_t degraded = 0;
    std::size_t unhealthy = 0;
    ServiceId worst = kNoService; // the first service found in the worst state
};

// The daemon: owns its services, the event router and its worker threads, the directory and
// the buffer pool, and drives each service through Stopped → Starting → Running → Stopping →
// Stopped (or Failed when its start fails).
class Runtime {
public:
    explicit Runtime(RuntimeOptions options = {});
    // Stops every running service, lets the workers finish what is queued, joins them.
    ~Runtime();
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    // Adds a service (Stopped): gives it its id and context, makes it routable and
    // discoverable. Throws std::invalid_argument for a duplicate name, std::length_error
    // beyond maxServices.
    ServiceId add(std::unique_ptr<Service> service);
    Service& service(ServiceId id) const;
    std::size_t serviceCount() const;

    // Stopped or Failed → Running through onStart(); false when the service was not in a state
    // to start or onStart() failed (the service is then Failed). Thread-safe per service.
    bool start(ServiceId id);
    // Running → Stopped through onStop(); false when it was not running.
    bool stop(ServiceId id);
    void startAll();
    void stopAll();

    // Asks every service for its health, adding the runtime's own view (a service over its
    // memory quota is degraded), and counts the answers.
    HealthSummary checkHealth() const;

    EventRouter& router() { return m_router; }
    ServiceDirectory& directory() { return m_directory; }
    BufferPool& buffers() { return m_buffers; }

private:
    RuntimeOptions m_options;
    // Destroyed in reverse order: the router's workers stop before the services they call go.
    BufferPool m_buffers;
    ServiceDirectory m_directory;
    mutable std::shared_mutex m_servicesMutex;
    std::vector<std::unique_ptr<Service>> m_services;
    EventRouter m_router;
};

} // namespace crucible::workloads::daemon
