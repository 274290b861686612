#include "Service.h"

#include "EventRouter.h"
#include "Mailbox.h"

#include <chrono>

namespace crucible::workloads::daemon {

std::int64_t monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

SubscriptionId ServiceContext::subscribe(EventType type) const
{
    return m_router->subscribe(m_self, type);
}

void ServiceContext::unsubscribe(SubscriptionId subscription) const
{
    m_router->unsubscribe(subscription);
}

void ServiceContext::reply(const Event& request, Payload payload) const
{
    Event answer{m_self, nullptr, std::move(payload)};
    if (request.replyTo)
        request.replyTo->post(std::move(answer));
    else if (request.source != kNoService)
        m_router->send(request.source, std::move(answer));
}

Service::Service(std::string name, std::vector<std::string> capabilities)
    : m_name(std::move(name)), m_capabilities(std::move(capabilities))
{ }

HealthReport Service::health(std::int64_t nowNs) const
{
    if (!isRunning())
        return {Health::Unhealthy, "not running"};
    const std::uint64_t errors = m_errors.load(std::memory_order_relaxed);
    if (m_errorsAtLastSweep.exchange(errors, std::memory_order_relaxed) != errors)
        return {Health::Degraded, "event handlers failed since the last check"};
    if (m_stalenessLimitNs > 0 && nowNs - m_lastActivityNs.load(std::memory_order_relaxed) > m_stalenessLimitNs)
        return {Health::Degraded, "idle for longer than its staleness limit"};
    return {};
}

void Service::deliver(const Event& event)
{
    // A service that stopped after the event was queued does not see it.
    if (!isRunning())
        return;
    // A handler's failure is the service's problem, reported through its health; it must not
    // take down the worker thread that other services share.
    try {
        onEvent(event, m_context);
    } catch (...) {
        noteError();
    }
}

} // namespace crucible::workloads::daemon
