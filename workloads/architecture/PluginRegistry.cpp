#include "PluginRegistry.h"

#include "Crc32.h"

namespace crucible::workloads::architecture {

void PluginRegistry::add(const QString& name, std::unique_ptr<PluginFactory> factory)
{
    m_factories.insert(name, std::move(factory));
}

std::unique_ptr<Plugin> PluginRegistry::create(const QString& name) const
{
    const auto it = m_factories.constFind(name);
    return it == m_factories.cend() ? nullptr : (*it)->create();
}

namespace {

class Crc32Plugin final : public Plugin, public ChecksumCapability {
public:
    QString name() const override { return QStringLiteral("checksum.crc32"); }
    std::uint32_t checksum(std::span<const std::uint8_t> data) const override { return Crc32::compute(data); }
};

// Further plugins, so that the registry holds what such registries hold: several of them.
class Adler32Plugin final : public Plugin, public ChecksumCapability {
public:
    QString name() const override { return QStringLiteral("checksum.adler32"); }
    std::uint32_t checksum(std::span<const std::uint8_t> data) const override
    {
        std::uint32_t a = 1, b = 0;
        for (const std::uint8_t byte : data) {
            a = (a + byte) % 65521u;
            b = (b + a) % 65521u;
        }
        return (b << 16) | a;
    }
};

class Xor32Plugin final : public Plugin, public ChecksumCapability {
public:
    QString name() const override { return QStringLiteral("checksum.xor32"); }
    std::uint32_t checksum(std::span<const std::uint8_t> data) const override
    {
        std::uint32_t x = 0;
        for (std::size_t i = 0; i < data.size(); ++i)
            x ^= std::uint32_t(data[i]) << (8 * (i % 4));
        return x;
    }
};

template <typename P>
class Factory final : public PluginFactory {
public:
    std::unique_ptr<Plugin> create() const override { return std::make_unique<P>(); }
};

} // namespace

void registerChecksumPlugins(PluginRegistry& registry)
{
    registry.add(QStringLiteral("checksum.crc32"), std::make_unique<Factory<Crc32Plugin>>());
    registry.add(QStringLiteral("checksum.adler32"), std::make_unique<Factory<Adler32Plugin>>());
    registry.add(QStringLiteral("checksum.xor32"), std::make_unique<Factory<Xor32Plugin>>());
}

} // namespace crucible::workloads::architecture
