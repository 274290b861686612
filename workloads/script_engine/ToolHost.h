#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <array>
#include <cstdint>

namespace crucible::workloads::script_engine {

// The C++ side of the tool API: what a script may ask of the program hosting it. Exposed to
// JavaScript as a QObject, so every call from a tool crosses the real script/C++ boundary
// (meta-object lookup and argument conversion) as it would in an application.
class ToolHost final : public QObject {
    Q_OBJECT
public:
    ToolHost();

    // Keeps the last few messages, as a host's log panel would; nothing is printed, so that
    // logging measures the crossing into C++ and not the terminal.
    Q_INVOKABLE void log(const QString& level, const QString& message);
    // A host setting by key; empty when unknown.
    Q_INVOKABLE QString setting(const QString& key) const;

private:
    static constexpr std::size_t kKeptMessages = 16;
    std::array<QString, kKeptMessages> m_recent;
    std::uint64_t m_logCount = 0;
    QHash<QString, QString> m_settings;
};

} // namespace crucible::workloads::script_engine
