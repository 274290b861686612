#include "ToolExecWorkloads.h"

#include "DoNotOptimize.h"
#include "ScriptVm.h"
#include "ScriptWorkloadInfo.h"
#include "ToolInputs.h"

#include <QJSEngine>

#include <memory>
#include <stdexcept>
#include <vector>

namespace crucible::workloads::script_engine {

namespace {

// One tool call per iteration, as a host makes it: the arguments (a QVariantMap, as decoded
// from a request) marshalled into the VM, the tool's run() called, the result handed to
// inspect(). The arguments rotate among several sets so that no result is reused.
class ToolCallWorkload : public BasicWorkload {
public:
    ToolCallWorkload(WorkloadInfo info, ToolScript script) : BasicWorkload(std::move(info)), m_script(script) { }

    void setUp(std::stop_token) override
    {
        // The VM is made here, not in the constructor: the engine runs workloads on a worker
        // thread, and a VM must live on the thread that uses it.
        m_vm = std::make_unique<ScriptVm>();
        m_tool = m_vm->load(readToolScript(m_script), toolScriptPath(m_script));
        m_arguments = toolArguments(m_script);
        m_next = 0;
        for (std::size_t i = 0; i < m_arguments.size(); ++i)
            callOnce(); // fails set-up, not a sample, when a tool cannot run its own inputs
    }

    void tearDown() override
    {
        m_tool = {};
        m_vm.reset();
    }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i)
            callOnce();
    }

protected:
    // Reads the call's result as the host would; throws when it is not what the workload
    // is meant to measure.
    virtual void inspect(const QJSValue& result) = 0;

    const Tool& tool() const { return m_tool; }

private:
    void callOnce()
    {
        const QVariantMap& args = m_arguments[m_next++ % m_arguments.size()];
        inspect(m_vm->call(m_tool, m_vm->engine().toScriptValue(args)));
    }

    ToolScript m_script;
    std::unique_ptr<ScriptVm> m_vm;
    Tool m_tool;
    std::vector<QVariantMap> m_arguments;
    std::size_t m_next = 0;
};

// A tool that succeeds: its result converted back to a QVariant.
class ToolExec final : public ToolCallWorkload {
public:
    using ToolCallWorkload::ToolCallWorkload;

private:
    void inspect(const QJSValue& result) override
    {
        if (const std::optional<ToolFailure> failure = ScriptVm::failure(result))
            throw std::runtime_error(tool().name.toStdString() + " failed: " + failure->message.toStdString());
        const QVariant value = result.toVariant();
        doNotOptimize(value);
    }
};

// A tool that throws: the call, the exception caught on the C++ side (QJSValue::call hands
// back the thrown value), and the error inspected as a host must to report it: its name,
// the ToolError code, the message and the line it came from.
class ErrorHandling final : public ToolCallWorkload {
public:
    explicit ErrorHandling(WorkloadInfo info) : ToolCallWorkload(std::move(info), ToolScript::Failing) { }

private:
    void inspect(const QJSValue& result) override
    {
        const std::optional<ToolFailure> failure = ScriptVm::failure(result);
        // The workload measures the error path: a call that succeeds measures something else.
        if (!failure || failure->code != QLatin1String("permission_denied") || failure->line <= 0)
            throw std::runtime_error("fs.read_file did not fail with permission_denied as expected");
        doNotOptimize(*failure);
    }
};

} // namespace

void registerToolExecWorkloads(WorkloadRegistry& registry)
{
    const auto add = [&](const char* name, ToolScript script, const char* description) {
        const WorkloadInfo info = scriptEngineInfo(name, "call", QString::fromUtf8(description));
        registry.add(WorkloadFactory{
            info, [info, script](const QVariantMap&) { return std::make_unique<ToolExec>(info, script); }});
    };
    add("tool_exec.simple", ToolScript::Simple,
        "Calls a simple JavaScript tool (simple.js: validate invoice arguments, format one line of text) "
        "in QJSEngine, arguments marshalled from C++ and the result read back");
    add("tool_exec.medium", ToolScript::Medium,
        "Calls a medium JavaScript tool (medium.js: parse 64 orders from JSON, filter, total, group by "
        "region, rank, return JSON) in QJSEngine");
    add("tool_exec.complex", ToolScript::Complex,
        "Calls a complex JavaScript tool (complex.js: tokenize, parse and interpret a small program "
        "with loops, recursion and function calls) in QJSEngine");
    registry.add<ErrorHandling>(
        scriptEngineInfo("error_handling", "call",
                         QStringLiteral("Calls a JavaScript tool that throws a ToolError (failing.js), catches the "
                                        "exception on the C++ side and reads its name, code, message and line")));
}

} // namespace crucible::workloads::script_engine
