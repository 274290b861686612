#include "ScriptVm.h"

#include "ToolScripts.h"

#include <QJSEngine>

#include <stdexcept>

namespace crucible::workloads::script_engine {

namespace {

std::runtime_error scriptError(const QString& fileName, const QJSValue& error)
{
    return std::runtime_error(
        QStringLiteral("%1:%2: %3")
            .arg(fileName, error.property(QStringLiteral("lineNumber")).toString(), error.toString())
            .toStdString());
}

} // namespace

ScriptVm::ScriptVm() : m_engine(std::make_unique<QJSEngine>())
{
    // The host object stays owned by C++: the garbage collector must never delete it.
    QJSEngine::setObjectOwnership(&m_host, QJSEngine::CppOwnership);
    const QString apiPath = toolScriptPath(ToolScript::Api);
    const QJSValue factory = m_engine->evaluate(readToolScript(ToolScript::Api), apiPath);
    if (factory.isError() || !factory.isCallable())
        throw scriptError(apiPath, factory);
    m_api = factory.call({m_engine->newQObject(&m_host)});
    if (m_api.isError())
        throw scriptError(apiPath, m_api);
}

ScriptVm::~ScriptVm()
{
    m_api = QJSValue(); // release the engine's values before the engine itself
    m_engine.reset();
}

Tool ScriptVm::load(const QString& source, const QString& fileName)
{
    const QJSValue factory = m_engine->evaluate(source, fileName);
    if (factory.isError())
        throw scriptError(fileName, factory);
    if (!factory.isCallable())
        throw std::runtime_error(fileName.toStdString() + ": a tool file must be a function expression");
    Tool tool;
    tool.object = factory.call({m_api});
    if (tool.object.isError())
        throw scriptError(fileName, tool.object);
    tool.name = tool.object.property(QStringLiteral("name")).toString();
    tool.run = tool.object.property(QStringLiteral("run"));
    if (tool.name.isEmpty() || !tool.run.isCallable())
        throw std::runtime_error(fileName.toStdString() + ": the tool has no name or no run function");
    return tool;
}

QJSValue ScriptVm::call(const Tool& tool, const QJSValue& args)
{
    return tool.run.callWithInstance(tool.object, {args});
}

std::optional<ToolFailure> ScriptVm::failure(const QJSValue& result)
{
    if (!result.isError())
        return std::nullopt;
    ToolFailure f;
    f.name = result.property(QStringLiteral("name")).toString();
    f.message = result.property(QStringLiteral("message")).toString();
    const QJSValue code = result.property(QStringLiteral("code"));
    if (code.isString())
        f.code = code.toString();
    f.line = result.property(QStringLiteral("lineNumber")).toInt();
    return f;
}

} // namespace crucible::workloads::script_engine
