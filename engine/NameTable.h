#pragma once

#include <QLatin1String>
#include <QString>

#include <cstddef>
#include <optional>
#include <utility>

namespace crucible {

// An enum's names as they appear in files and on screen, in one table per enum: the name of a
// value, and the value of a name (nullopt for a name the table does not have).
template <typename Enum, std::size_t N>
QString nameOf(const std::pair<Enum, const char*> (&names)[N], Enum value)
{
    for (const auto& [v, name] : names)
        if (v == value)
            return QString::fromLatin1(name);
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::pair<Enum, const char*> (&names)[N], const QString& name)
{
    for (const auto& [v, n] : names)
        if (name == QLatin1String(n))
            return v;
    return std::nullopt;
}

} // namespace crucible
