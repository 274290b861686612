#pragma once

#include <QHash>
#include <QString>

#include <cstdint>
#include <memory>
#include <span>

// The "old way" of reaching a capability: a registry of plugin factories keyed by name. A caller
// asks for a plugin by name, gets a generic Plugin, casts it to the capability interface it
// needs and calls through that. Registry and plugins live in their own translation unit, as
// plugins live in their own libraries, so the compiler cannot see through the indirection.
namespace crucible::workloads::architecture {

class Plugin {
public:
    virtual ~Plugin() = default;
    virtual QString name() const = 0;
};

// The capability the benchmark calls: a checksum of a message.
class ChecksumCapability {
public:
    virtual ~ChecksumCapability() = default;
    virtual std::uint32_t checksum(std::span<const std::uint8_t> data) const = 0;
};

class PluginFactory {
public:
    virtual ~PluginFactory() = default;
    virtual std::unique_ptr<Plugin> create() const = 0;
};

class PluginRegistry {
public:
    void add(const QString& name, std::unique_ptr<PluginFactory> factory);
    // A new instance of the named plugin, or null when no plugin has that name.
    std::unique_ptr<Plugin> create(const QString& name) const;

private:
    QHash<QString, std::shared_ptr<const PluginFactory>> m_factories;
};

// Registers the built-in checksum plugins ("checksum.crc32" among them).
void registerChecksumPlugins(PluginRegistry& registry);

} // namespace crucible::workloads::architecture
