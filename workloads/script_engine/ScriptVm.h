#pragma once

#include "ToolHost.h"

#include <QJSValue>
#include <QString>

#include <memory>
#include <optional>

class QJSEngine;

namespace crucible::workloads::script_engine {

// A tool loaded into a VM: the object its script returned and that object's run function.
struct Tool {
    QString name;
    QJSValue object;
    QJSValue run;
};

// What a failed tool call threw, as the host reads it back on the C++ side.
struct ToolFailure {
    QString name; // "ToolError", "TypeError", ...
    QString code; // ToolError's machine-readable code; empty for other errors
    QString message;
    int line = 0; // line in the tool's file where it was thrown
};

// One script VM as a tool host uses it: a QJSEngine with the tool API (the C++ ToolHost and
// api.js) installed. A VM belongs to the thread that created it: QJSEngine is a QObject and
// its JavaScript stack limits are taken from the creating thread, so create, use and destroy
// a VM on one thread.
class ScriptVm {
public:
    // Throws std::runtime_error when the tool API fails to install.
    ScriptVm();
    ~ScriptVm();
    ScriptVm(const ScriptVm&) = delete;
    ScriptVm& operator=(const ScriptVm&) = delete;

    QJSEngine& engine() { return *m_engine; }
    const ToolHost& host() const { return m_host; }

    // Compiles a tool file (a function expression taking the API) and instantiates its tool.
    // Throws std::runtime_error naming the file when it does not compile or define a tool.
    Tool load(const QString& source, const QString& fileName);

    // Calls `tool` with `args`. When the tool throws, the thrown value is returned (it
    // isError() for Error objects) and the engine has no pending exception left.
    QJSValue call(const Tool& tool, const QJSValue& args);

    // The failure a call's result describes, or nothing when the call succeeded.
    static std::optional<ToolFailure> failure(const QJSValue& result);

private:
    ToolHost m_host; // declared first: it outlives the engine that wraps it
    std::unique_ptr<QJSEngine> m_engine;
    QJSValue m_api;
};

} // namespace crucible::workloads::script_engine
