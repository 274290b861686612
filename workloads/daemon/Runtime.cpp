#include "Runtime.h"

#include <mutex>
#include <stdexcept>

namespace crucible::workloads::daemon {

Runtime::Runtime(RuntimeOptions options)
    : m_options(options), m_buffers(options.maxServices), m_router(options.workerThreads, options.queueCapacity)
{ }

Runtime::~Runtime()
{
    stopAll();
}

ServiceId Runtime::add(std::unique_ptr<Service> service)
{
    Service& s = *service;
    {
        std::unique_lock lock(m_servicesMutex);
        if (m_services.size() >= m_options.maxServices)
            throw std::length_error("the runtime holds its maximum number of services");
        const ServiceId id = ServiceId(m_services.size());
        s.m_context = ServiceContext(m_router, m_directory, m_buffers, id);
        if (!m_directory.add(s))
            throw std::invalid_argument("a service named " + s.name() + " exists already");
        m_services.push_back(std::move(service));
    }
    m_router.attach(s);
    return s.id();
}

Service& Runtime::service(ServiceId id) const
{
    std::shared_lock lock(m_servicesMutex);
    return *m_services.at(id);
}

std::size_t Runtime::serviceCount() const
{
    std::shared_lock lock(m_servicesMutex);
    return m_services.size();
}

bool Runtime::start(ServiceId id)
{
    Service& s = service(id);
    ServiceState expected = ServiceState::Stopped;
    if (!s.m_state.compare_exchange_strong(expected, ServiceState::Starting)) {
        expected = ServiceState::Failed; // a failed service may be retried
        if (!s.m_state.compare_exchange_strong(expected, ServiceState::Starting))
            return false;
    }
    bool started = false;
    try {
        started = s.onStart(s.m_context);
    } catch (...) {
        started = false;
    }
    s.noteActivity(monotonicNs());
    s.m_state.store(started ? ServiceState::Running : ServiceState::Failed, std::memory_order_release);
    return started;
}

bool Runtime::stop(ServiceId id)
{
    Service& s = service(id);
    ServiceState expected = ServiceState::Running;
    if (!s.m_state.compare_exchange_strong(expected, ServiceState::Stopping))
        return false;
    try {
        s.onStop(s.m_context);
    } catch (...) {
        s.noteError(); // stopping goes on: the service is stopped either way
    }
    s.m_state.store(ServiceState::Stopped, std::memory_order_release);
    return true;
}

void Runtime::startAll()
{
    for (ServiceId id = 0; id < serviceCount(); ++id)
        start(id);
}

void Runtime::stopAll()
{
    for (ServiceId id = 0; id < serviceCount(); ++id)
        stop(id);
}

HealthSummary Runtime::checkHealth() const
{
    HealthSummary summary;
    Health worst = Health::Healthy;
    const std::int64_t now = monotonicNs();
    std::shared_lock lock(m_servicesMutex);
    for (const std::unique_ptr<Service>& s : m_services) {
        HealthReport report = s->health(now);
        if (report.health == Health::Healthy && m_buffers.bytesOwnedBy(s->id()) > s->memoryQuota())
            report = {Health::Degraded, "over its memory quota"};
        switch (report.health) {
        case Health::Healthy:
            ++summary.healthy;
            break;
        case Health::Degraded:
            ++summary.degraded;
            break;
        case Health::Unhealthy:
            ++summary.unhealthy;
            break;
        }
        if (summary.worst == kNoService || report.health > worst) {
            worst = report.health;
            summary.worst = s->id();
        }
    }
    return summary;
}

} // namespace crucible::workloads::daemon
