#include "ToolHost.h"

namespace crucible::workloads::script_engine {

ToolHost::ToolHost()
{
    m_settings.insert(QStringLiteral("workspace"), QStringLiteral("/home/user/project"));
    m_settings.insert(QStringLiteral("locale"), QStringLiteral("en_GB"));
    m_settings.insert(QStringLiteral("currency"), QStringLiteral("EUR"));
}

void ToolHost::log(const QString& level, const QString& message)
{
    m_recent[m_logCount % kKeptMessages] = level + QLatin1String(": ") + message;
    ++m_logCount;
}

QString ToolHost::setting(const QString& key) const
{
    return m_settings.value(key);
}

} // namespace crucible::workloads::script_engine
