#include "DemoServices.h"

#include <cstring>
#include <type_traits>

namespace crucible::workloads::daemon {

SinkService::SinkService(std::string name, EventType type) : Service(std::move(name), {"sink"}), m_type(type)
{ }

bool SinkService::onStart(const ServiceContext& context)
{
    m_subscription = context.subscribe(m_type);
    return m_subscription != 0;
}

void SinkService::onStop(const ServiceContext& context)
{
    context.unsubscribe(m_subscription);
    m_subscription = 0;
}

void SinkService::onEvent(const Event& event, const ServiceContext&)
{
    std::visit(
        [this](const auto& payload) {
            using T = std::decay_t<decltype(payload)>;
            if constexpr (std::is_same_v<T, MetricSample>)
                m_sum += payload.value;
            else if constexpr (std::is_same_v<T, LogRecord>)
                m_mix = m_mix * 31 + payload.code + std::uint8_t(payload.text[0]);
            else if constexpr (std::is_same_v<T, WorkItem>)
                m_mix += payload.jobId * payload.cost;
            else if constexpr (std::is_same_v<T, ConfigChanged>)
                m_mix ^= std::uint64_t(payload.value) << (payload.key & 31);
        },
        event.payload);
    m_received.fetch_add(1, std::memory_order_release);
}

EchoService::EchoService(std::string name) : Service(std::move(name), {"echo"})
{ }

void EchoService::onEvent(const Event& event, const ServiceContext& context)
{
    if (const Ping* ping = std::get_if<Ping>(&event.payload))
        context.reply(event, Pong{ping->sequence, context.self()});
}

StatefulService::StatefulService(std::string name, std::vector<std::string> capabilities, std::size_t stateBytes)
    : Service(std::move(name), std::move(capabilities)), m_stateBytes(stateBytes)
{ }

bool StatefulService::onStart(const ServiceContext& context)
{
    m_state = context.buffers().acquire(context.self(), m_stateBytes);
    std::memset(m_state.data, 0, m_state.size); // a fresh start begins from clean state
    m_subscription = context.subscribe(eventTypeOf<ConfigChanged>());
    if (m_subscription == 0)
        context.buffers().release(m_state); // a failed start leaves nothing behind
    return m_subscription != 0;
}

void StatefulService::onStop(const ServiceContext& context)
{
    context.unsubscribe(m_subscription);
    m_subscription = 0;
    context.buffers().release(m_state);
}

void StatefulService::onEvent(const Event& event, const ServiceContext&)
{
    if (const ConfigChanged* change = std::get_if<ConfigChanged>(&event.payload)) {
        const std::size_t slot = (change->key * sizeof(std::int64_t)) % (m_state.size - sizeof(std::int64_t) + 1);
        std::memcpy(m_state.data + slot, &change->value, sizeof change->value);
    }
}

} // namespace crucible::workloads::daemon
