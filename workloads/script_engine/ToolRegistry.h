#pragma once

#include "ScriptVm.h"

#include <QHash>
#include <QString>

namespace crucible::workloads::script_engine {

// The tools a host offers, by name: each entry holds the compiled tool from a ScriptVm, ready
// to call. Lookups happen once per request a host receives ("call tool X with ...").
class ToolRegistry {
public:
    // Registers a loaded tool under its own name; a second tool of the same name replaces the
    // first, as reloading a tool's script does.
    void add(Tool tool);
    // The tool called `name`, or nullptr when there is none.
    const Tool* find(const QString& name) const;
    qsizetype size() const { return m_tools.size(); }
    void clear() { m_tools.clear(); }

private:
    QHash<QString, Tool> m_tools;
};

} // namespace crucible::workloads::script_engine
