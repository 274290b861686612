#include "ExecThreads.h"

#include "DoNotOptimize.h"
#include "ScriptVm.h"
#include "ToolInputs.h"
#include "ToolScripts.h"

#include <QJSEngine>

#include <array>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>

namespace crucible::workloads::script_engine {

namespace {

constexpr std::array<ToolScript, ExecThreads::kCallsPerThread> kScripts = {ToolScript::Simple, ToolScript::Medium,
                                                                           ToolScript::Complex};

// What one thread owns: its VM, its tools and their arguments. Made and destroyed on the
// thread itself.
struct ThreadTools {
    ScriptVm vm; // declared first, destroyed last: after the tools' values
    std::array<Tool, kScripts.size()> tools;
    std::array<std::vector<QVariantMap>, kScripts.size()> arguments;
    std::size_t next = 0;

    ThreadTools()
    {
        for (std::size_t i = 0; i < kScripts.size(); ++i) {
            tools[i] = vm.load(readToolScript(kScripts[i]), toolScriptPath(kScripts[i]));
            arguments[i] = toolArguments(kScripts[i]);
        }
    }
    void runBatch()
    {
        for (std::size_t i = 0; i < tools.size(); ++i) {
            const QVariantMap& args = arguments[i][next % arguments[i].size()];
            const QJSValue result = vm.call(tools[i], vm.engine().toScriptValue(args));
            if (const std::optional<ToolFailure> failure = ScriptVm::failure(result))
                throw std::runtime_error(tools[i].name.toStdString() + " failed: " + failure->message.toStdString());
            const QVariant value = result.toVariant();
            doNotOptimize(value);
        }
        ++next;
    }
};

} // namespace

ExecThreads::ExecThreads(int threadCount)
{
    std::unique_lock lock(m_mutex); // held while starting, so no thread finishes uncounted
    try {
        m_threads.reserve(std::size_t(threadCount));
        for (int i = 0; i < threadCount; ++i) {
            m_threads.emplace_back([this] { threadMain(); });
            ++m_pending;
        }
    } catch (...) {
        lock.unlock();
        stopAndJoin();
        throw;
    }
    m_done.wait(lock, [this] { return m_pending == 0; });
    if (!m_error.empty()) {
        const std::string error = m_error;
        lock.unlock();
        stopAndJoin();
        throw std::runtime_error(error);
    }
}

ExecThreads::~ExecThreads()
{
    stopAndJoin();
}

void ExecThreads::stopAndJoin()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    for (std::thread& t : m_threads)
        if (t.joinable())
            t.join();
    m_threads.clear();
}

void ExecThreads::runBatch()
{
    std::unique_lock lock(m_mutex);
    m_pending = int(m_threads.size());
    ++m_batch;
    m_wake.notify_all();
    m_done.wait(lock, [this] { return m_pending == 0; });
    if (!m_error.empty())
        throw std::runtime_error(m_error);
}

void ExecThreads::finish(const std::string& error)
{
    std::lock_guard lock(m_mutex);
    if (!error.empty() && m_error.empty())
        m_error = error;
    if (--m_pending == 0)
        m_done.notify_one();
}

void ExecThreads::threadMain()
{
    std::unique_ptr<ThreadTools> tools;
    try {
        tools = std::make_unique<ThreadTools>();
        finish({});
    } catch (const std::exception& e) {
        finish(e.what());
        return;
    }
    std::uint64_t seen = 0;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_quit || m_batch != seen; });
            if (m_quit)
                break;
            seen = m_batch;
        }
        std::string error;
        try {
            tools->runBatch();
        } catch (const std::exception& e) {
            error = e.what();
        }
        finish(error);
    }
    tools.reset(); // the VM dies on the thread that made it
}

} // namespace crucible::workloads::script_engine
