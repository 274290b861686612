#include "ToolScripts.h"

#include <QFile>

#include <stdexcept>

// Resources compiled into a static library are only linked in when something refers to them;
// Q_INIT_RESOURCE is that reference. It must be called outside any namespace.
static void initScriptResources()
{
    Q_INIT_RESOURCE(script_engine_scripts);
}

namespace crucible::workloads::script_engine {

QString toolScriptPath(ToolScript script)
{
    switch (script) {
    case ToolScript::Api:
        return QStringLiteral(":/script_engine/api.js");
    case ToolScript::Simple:
        return QStringLiteral(":/script_engine/simple.js");
    case ToolScript::Medium:
        return QStringLiteral(":/script_engine/medium.js");
    case ToolScript::Complex:
        return QStringLiteral(":/script_engine/complex.js");
    case ToolScript::Failing:
        return QStringLiteral(":/script_engine/failing.js");
    }
    return {};
}

QString readToolScript(ToolScript script)
{
    static const bool initialized = [] {
        initScriptResources();
        return true;
    }();
    (void)initialized;

    const QString path = toolScriptPath(script);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("tool script " + path.toStdString() + " is missing from the resources");
    return QString::fromUtf8(file.readAll());
}

} // namespace crucible::workloads::script_engine
