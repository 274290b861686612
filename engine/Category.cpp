#include "Category.h"

#include <array>
#include <utility>

namespace crucible {

namespace {
constexpr std::array<std::pair<Category, const char*>, 6> kNames{{
    {Category::ScriptEngine, "script_engine"},
    {Category::Cli, "cli"},
    {Category::Daemon, "daemon"},
    {Category::System, "system"},
    {Category::Architecture, "architecture"},
    {Category::External, "external"},
}};
} // namespace

QString categoryName(Category category)
{
    for (const auto& [c, name] : kNames)
        if (c == category)
            return QString::fromLatin1(name);
    return {};
}

std::optional<Category> categoryFromName(const QString& name)
{
    for (const auto& [c, n] : kNames)
        if (name == QLatin1String(n))
            return c;
    return std::nullopt;
}

QStringList builtInCategoryNames()
{
    QStringList names;
    for (const auto& [c, n] : kNames)
        if (c != Category::External)
            names << QString::fromLatin1(n);
    return names;
}

} // namespace crucible
