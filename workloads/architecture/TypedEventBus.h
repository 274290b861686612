#pragma once

#include <functional>
#include <tuple>
#include <vector>

// The "new way" event bus: the event types are a closed list known at compile time, each with
// its own vector of handlers, so publish(event) selects the vector by type (no lookup at run
// time) and hands the handler the event struct itself (no boxing, no keys).
namespace crucible::workloads::architecture {

template <typename... Events>
class TypedEventBus {
public:
    template <typename Event>
    using Handler = std::function<void(const Event& event)>;

    template <typename Event>
    void subscribe(Handler<Event> handler)
    {
        std::get<std::vector<Handler<Event>>>(m_handlers).push_back(std::move(handler));
    }

    template <typename Event>
    void publish(const Event& event) const
    {
        for (const Handler<Event>& handler : std::get<std::vector<Handler<Event>>>(m_handlers))
            handler(event);
    }

private:
    std::tuple<std::vector<Handler<Events>>...> m_handlers;
};

} // namespace crucible::workloads::architecture
