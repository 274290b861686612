#include "ToolRegistry.h"

namespace crucible::workloads::script_engine {

void ToolRegistry::add(Tool tool)
{
    const QString name = tool.name;
    m_tools.insert(name, std::move(tool));
}

const Tool* ToolRegistry::find(const QString& name) const
{
    const auto it = m_tools.constFind(name);
    return it == m_tools.cend() ? nullptr : &it.value();
}

} // namespace crucible::workloads::script_engine
