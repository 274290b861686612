#include "StringEventBus.h"

namespace crucible::workloads::architecture {

void StringEventBus::subscribe(const QString& topic, Handler handler)
{
    m_handlers[topic].push_back(std::move(handler));
}

void StringEventBus::publish(const QString& topic, const QVariantMap& payload) const
{
    const auto it = m_handlers.constFind(topic);
    if (it == m_handlers.cend())
        return;
    for (const Handler& handler : *it)
        handler(payload);
}

} // namespace crucible::workloads::architecture
