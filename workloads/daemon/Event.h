#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <variant>

// The events services exchange inside the daemon runtime.
namespace crucible::workloads::daemon {

using ServiceId = std::uint32_t;
inline constexpr ServiceId kNoService = ~ServiceId(0);

// Typed payloads: a service subscribes to a type, and the router never looks inside.
struct MetricSample {
    std::uint32_t metric = 0;
    double value = 0;
    std::int64_t timestampNs = 0;
};
struct LogRecord {
    std::uint8_t level = 0;
    std::uint32_t code = 0;
    std::array<char, 32> text{};
};
struct WorkItem {
    std::uint64_t jobId = 0;
    std::uint32_t cost = 0;
};
struct ConfigChanged {
    std::uint32_t key = 0;
    std::int64_t value = 0;
};
struct Ping {
    std::uint64_t sequence = 0;
};
struct Pong {
    std::uint64_t sequence = 0;
    ServiceId responder = kNoService;
};

using Payload = std::variant<MetricSample, LogRecord, WorkItem, ConfigChanged, Ping, Pong>;

// An event type is the payload's index in Payload: a small number the router indexes by.
using EventType = std::size_t;
inline constexpr std::size_t kEventTypeCount = std::variant_size_v<Payload>;

template <typename T>
constexpr EventType eventTypeOf()
{
    return Payload(T{}).index();
}

class Mailbox;

struct Event {
    ServiceId source = kNoService;
    // Where a reply goes when the sender is not a service (a caller outside the runtime).
    Mailbox* replyTo = nullptr;
    Payload payload;

    EventType type() const { return payload.index(); }
};

} // namespace crucible::workloads::daemon
