#include "EventsPair.h"

#include "DoNotOptimize.h"
#include "PairInfo.h"
#include "StringEventBus.h"
#include "TypedEventBus.h"

#include <algorithm>
#include <array>
#include <limits>
#include <memory>

namespace crucible::workloads::architecture {

namespace {

constexpr std::size_t kSubscribers = 8;
constexpr std::size_t kReadingCount = 256;

// The event both buses carry, in the form the publisher has it.
struct SensorReading {
    std::int32_t sensor = 0;
    double value = 0;
    std::int64_t timestampUs = 0;
};

// Other event types, so that both buses route among several kinds of event as real ones do.
struct SensorAdded {
    std::int32_t sensor = 0;
};
struct SensorRemoved {
    std::int32_t sensor = 0;
};
struct AlarmRaised {
    std::int32_t sensor = 0;
    double threshold = 0;
};

// What each subscriber does with a reading: keep a moving average over the last eight values,
// the maximum and a count of readings over its alarm threshold. The same bookkeeping on both
// sides, so that the pair differs only in how the event reaches it.
struct SubscriberState {
    static constexpr std::size_t kWindow = 8;

    double threshold = 0;
    std::array<double, kWindow> window{};
    std::size_t windowPos = 0;
    double windowSum = 0;
    double maximum = -std::numeric_limits<double>::infinity();
    std::int64_t lastTimestampUs = 0;
    std::uint64_t count = 0;
    std::uint64_t overThreshold = 0;
    std::uint32_t sensorMix = 0;

    void add(std::int32_t sensor, double value, std::int64_t timestampUs)
    {
        windowSum += value - window[windowPos];
        window[windowPos] = value;
        windowPos = (windowPos + 1) % kWindow;
        maximum = std::max(maximum, value);
        overThreshold += windowSum > threshold * double(kWindow) ? 1u : 0u;
        lastTimestampUs = timestampUs;
        ++count;
        sensorMix = sensorMix * 31u + static_cast<std::uint32_t>(sensor);
    }
};

using SubscriberStates = std::array<SubscriberState, kSubscribers>;

std::unique_ptr<SubscriberStates> makeStates()
{
    auto states = std::make_unique<SubscriberStates>();
    for (std::size_t i = 0; i < kSubscribers; ++i)
        (*states)[i].threshold = 22.0 + 0.5 * double(i);
    return states;
}

std::array<SensorReading, kReadingCount> makeReadings()
{
    std::array<SensorReading, kReadingCount> readings;
    for (std::size_t i = 0; i < kReadingCount; ++i)
        readings[i] = {std::int32_t(i % 37), 20.0 + double((i * 7919) % 1000) / 100.0,
                       std::int64_t(1'700'000'000'000'000 + i * 250)};
    return readings;
}

// Old way: the publisher marshals its reading into a QVariantMap under string keys and names
// the topic by string; the bus hashes the topic; each handler looks its fields up by key and
// converts them out of QVariant. The keys and topic are QStringLiterals, which is how careful
// code uses such a bus: no string is built at run time.
class EventsStringKeyed final : public BasicWorkload {
public:
    explicit EventsStringKeyed(WorkloadInfo info)
        : BasicWorkload(std::move(info)), m_states(makeStates()), m_readings(makeReadings())
    {
        for (SubscriberState& state : *m_states) {
            SubscriberState* s = &state;
            m_bus.subscribe(QStringLiteral("sensor.reading"), [s](const QVariantMap& payload) {
                s->add(payload.value(QStringLiteral("sensor")).toInt(),
                       payload.value(QStringLiteral("value")).toDouble(),
                       payload.value(QStringLiteral("timestamp")).toLongLong());
            });
        }
        const auto ignore = [](const QVariantMap&) {};
        for (const char* topic : {"sensor.added", "sensor.removed", "alarm.raised"})
            m_bus.subscribe(QString::fromLatin1(topic), ignore);
    }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (stopRequestedAt(i, stop))
                return;
            const SensorReading& reading = m_readings[m_next++ % kReadingCount];
            QVariantMap payload;
            payload.insert(QStringLiteral("sensor"), reading.sensor);
            payload.insert(QStringLiteral("value"), reading.value);
            payload.insert(QStringLiteral("timestamp"), qint64(reading.timestampUs));
            m_bus.publish(QStringLiteral("sensor.reading"), payload);
            clobberMemory();
        }
    }

private:
    std::unique_ptr<SubscriberStates> m_states;
    std::array<SensorReading, kReadingCount> m_readings;
    StringEventBus m_bus;
    std::size_t m_next = 0;
};

// New way: the reading is published as the struct it is, and the compiler picks the handler
// vector by type. Handlers are std::function on both sides, so the ratio measures the string
// topic and the QVariantMap payload, not a cheaper call mechanism.
class EventsTyped final : public BasicWorkload {
public:
    explicit EventsTyped(WorkloadInfo info)
        : BasicWorkload(std::move(info)), m_states(makeStates()), m_readings(makeReadings())
    {
        for (SubscriberState& state : *m_states) {
            SubscriberState* s = &state;
            m_bus.subscribe<SensorReading>(
                [s](const SensorReading& reading) { s->add(reading.sensor, reading.value, reading.timestampUs); });
        }
        m_bus.subscribe<SensorAdded>([](const SensorAdded&) {});
        m_bus.subscribe<SensorRemoved>([](const SensorRemoved&) {});
        m_bus.subscribe<AlarmRaised>([](const AlarmRaised&) {});
    }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (stopRequestedAt(i, stop))
                return;
            m_bus.publish(m_readings[m_next++ % kReadingCount]);
            clobberMemory();
        }
    }

private:
    std::unique_ptr<SubscriberStates> m_states;
    std::array<SensorReading, kReadingCount> m_readings;
    TypedEventBus<SensorReading, SensorAdded, SensorRemoved, AlarmRaised> m_bus;
    std::size_t m_next = 0;
};

} // namespace

void registerEventsPair(WorkloadRegistry& registry)
{
    registry.add<EventsStringKeyed>(
        pairSideInfo("events", "string_keyed", "typed", "event",
                     "Event published to eight subscribers through a string-keyed bus with QVariantMap "
                     "payloads (old way)"));
    registry.add<EventsTyped>(
        pairSideInfo("events", "typed", "string_keyed", "event",
                     "The same event published to the same subscribers through a typed bus with struct "
                     "payloads (new way)"));
}

} // namespace crucible::workloads::architecture
