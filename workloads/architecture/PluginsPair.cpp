#include "PluginsPair.h"

#include "Crc32.h"
#include "DoNotOptimize.h"
#include "PairInfo.h"
#include "PluginRegistry.h"

#include <array>
#include <cstdint>
#include <vector>

namespace crucible::workloads::architecture {

namespace {

constexpr std::size_t kMessageCount = 16;
constexpr std::size_t kMessageBytes = 32;

using Messages = std::array<std::array<std::uint8_t, kMessageBytes>, kMessageCount>;

// Different messages taken in turn, so that no checksum can be computed once and reused.
Messages makeMessages()
{
    Messages messages{};
    std::uint32_t state = 2463534242u;
    for (auto& message : messages)
        for (std::uint8_t& byte : message) {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            byte = static_cast<std::uint8_t>(state);
        }
    return messages;
}

// Old way: every call names the capability it wants; the registry finds the factory by name,
// the factory makes an instance, the caller casts the generic Plugin to the capability
// interface and calls it virtually, and the instance is destroyed afterwards. That is what a
// caller pays when it must not know which implementation it gets.
class PluginsRegistry final : public BasicWorkload {
public:
    explicit PluginsRegistry(WorkloadInfo info) : BasicWorkload(std::move(info)), m_messages(makeMessages())
    {
        registerChecksumPlugins(m_registry);
    }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (stopRequestedAt(i, stop))
                return;
            const auto& message = m_messages[m_next++ % kMessageCount];
            std::uint32_t result = 0;
            const std::unique_ptr<Plugin> plugin = m_registry.create(m_pluginName);
            if (const auto* capability = dynamic_cast<const ChecksumCapability*>(plugin.get()))
                result = capability->checksum(message);
            doNotOptimize(result);
        }
    }

private:
    const QString m_pluginName = QStringLiteral("checksum.crc32");
    Messages m_messages;
    PluginRegistry m_registry;
    std::size_t m_next = 0;
};

// Static registration: the capability is bound to its implementation by a type at compile
// time, so a call is a plain (inlinable) function call into the very same Crc32::compute.
template <typename Implementation>
struct StaticChecksum {
    static std::uint32_t checksum(std::span<const std::uint8_t> data) { return Implementation::compute(data); }
};

using Checksum = StaticChecksum<Crc32>;

class PluginsStatic final : public BasicWorkload {
public:
    explicit PluginsStatic(WorkloadInfo info) : BasicWorkload(std::move(info)), m_messages(makeMessages()) { }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (stopRequestedAt(i, stop))
                return;
            const std::uint32_t result = Checksum::checksum(m_messages[m_next++ % kMessageCount]);
            doNotOptimize(result);
        }
    }

private:
    Messages m_messages;
    std::size_t m_next = 0;
};

} // namespace

void registerPluginsPair(WorkloadRegistry& registry)
{
    registry.add<PluginsRegistry>(
        pairSideInfo("plugins", "registry", "static", "call",
                     "Checksum capability obtained by name from a plugin registry and called through its "
                     "interface (old way)"));
    registry.add<PluginsStatic>(
        pairSideInfo("plugins", "static", "registry", "call",
                     "The same checksum implementation bound at compile time and called directly (new way)"));
}

} // namespace crucible::workloads::architecture
