#include "VmWorkloads.h"

#include "DoNotOptimize.h"
#include "ScriptVm.h"
#include "ScriptWorkloadInfo.h"
#include "ToolScripts.h"

#include <QJSEngine>

#include <memory>
#include <stdexcept>
#include <vector>

namespace crucible::workloads::script_engine {

namespace {

constexpr int kDefaultVms = 8;

// One VM per iteration: a QJSEngine created, the tool API installed (the host object wrapped,
// api.js compiled and run), and everything torn down again.
class VmLifecycle final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i) {
            ScriptVm vm;
            doNotOptimize(vm);
        }
    }
};

// Keeps K VMs alive, each with the tool API installed and the three tools loaded. One
// iteration creates a fresh set of K and then releases the previous set, so between
// iterations exactly K loaded VMs exist. The time column is the cost of the whole set; the
// RSS column the engine records with each sample is the process with K loaded VMs resident.
// The memory one VM costs is the slope: run a parameter scan (vms 4 and 32, say) and divide
// the difference in RSS by the difference in vms; the process's own baseline cancels out.
class MemoryPerVm final : public BasicWorkload {
public:
    MemoryPerVm(WorkloadInfo info, int vms) : BasicWorkload(std::move(info)), m_vmCount(vms) { }

    void setUp(std::stop_token) override
    {
        for (const ToolScript script : {ToolScript::Simple, ToolScript::Medium, ToolScript::Complex})
            m_sources.push_back({readToolScript(script), toolScriptPath(script)});
    }

    void tearDown() override
    {
        m_alive.clear();
        m_sources.clear();
    }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i) {
            std::vector<LoadedVm> fresh(static_cast<std::size_t>(m_vmCount));
            for (LoadedVm& loaded : fresh) {
                if (stop.stop_requested())
                    return; // a set takes tens of ms: look at the token per VM
                loaded.vm = std::make_unique<ScriptVm>();
                for (const auto& [source, path] : m_sources)
                    loaded.tools.push_back(loaded.vm->load(source, path));
            }
            m_alive.swap(fresh); // the previous set is released here, at the end of the scope
        }
    }

private:
    struct LoadedVm {
        std::unique_ptr<ScriptVm> vm; // declared first, destroyed last: after its tools' values
        std::vector<Tool> tools;
    };

    int m_vmCount;
    std::vector<std::pair<QString, QString>> m_sources;
    std::vector<LoadedVm> m_alive;
};

// One compile per iteration: the complex tool read from the embedded resources and compiled
// by QJSEngine::evaluate into a function, in a VM that stays up. evaluate() parses and
// generates bytecode every time (only modules and QML files are cached), so this is a real
// compile; the function is not called.
class Compile final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    void setUp(std::stop_token) override { m_vm = std::make_unique<ScriptVm>(); }
    void tearDown() override { m_vm.reset(); }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        const QString path = toolScriptPath(ToolScript::Complex);
        for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i) {
            const QJSValue factory = m_vm->engine().evaluate(readToolScript(ToolScript::Complex), path);
            if (!factory.isCallable())
                throw std::runtime_error("complex.js did not compile to a function");
            doNotOptimize(factory);
        }
    }

private:
    std::unique_ptr<ScriptVm> m_vm;
};

} // namespace

void registerVmWorkloads(WorkloadRegistry& registry)
{
    registry.add<VmLifecycle>(
        scriptEngineInfo("vm_lifecycle", "VM",
                         QStringLiteral("Creates a QJSEngine, installs the tool API (C++ host object and api.js) and "
                                        "destroys it again")));

    const WorkloadInfo memory = scriptEngineInfo(
        "memory_per_vm", "set of VMs",
        QStringLiteral("Creates a set of VMs (parameter vms, default %1) with the tool API and three tools "
                       "loaded, releasing the previous set; the RSS column shows the process with one set "
                       "resident, so RSS difference / vms difference across a vms scan is the memory per VM")
            .arg(kDefaultVms),
        {{QStringLiteral("vms"), kDefaultVms}});
    registry.add(WorkloadFactory{memory, [memory](const QVariantMap& parameters) {
                                     auto [info, vms] = withCountParameter(memory, parameters, "vms", 256);
                                     return std::make_unique<MemoryPerVm>(std::move(info), vms);
                                 }});

    registry.add<Compile>(scriptEngineInfo(
        "compile", "compile",
        QStringLiteral("Reads the complex tool script (about 290 lines) from the embedded resources and "
                       "compiles it with QJSEngine::evaluate, uncached, in a running VM")));
}

} // namespace crucible::workloads::script_engine
