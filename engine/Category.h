#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace crucible {

// The five built-in workload categories of SPEC.md; "external" marks user commands and
// Google Benchmark executables that a suite file brings in under a category of its own choice.
enum class Category { ScriptEngine, Cli, Daemon, System, Architecture, External };

QString categoryName(Category category);
std::optional<Category> categoryFromName(const QString& name);
// The category names a FILTER word may name (SPEC.md "Command line").
QStringList builtInCategoryNames();

} // namespace crucible
