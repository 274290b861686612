#include "ConcurrentExec.h"

#include "ExecThreads.h"
#include "ScriptWorkloadInfo.h"

#include <memory>

namespace crucible::workloads::script_engine {

namespace {

constexpr int kDefaultThreads = 4;

// One iteration is one batch: every thread runs the simple, medium and complex tool once in
// its own VM, and the batch ends when the last thread is done. With more threads than cores
// the batch time shows how the VMs share the machine.
class ConcurrentExec final : public BasicWorkload {
public:
    ConcurrentExec(WorkloadInfo info, int threads) : BasicWorkload(std::move(info)), m_threadCount(threads) { }

    void setUp(std::stop_token) override { m_threads = std::make_unique<ExecThreads>(m_threadCount); }
    void tearDown() override { m_threads.reset(); }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i)
            m_threads->runBatch();
    }

private:
    int m_threadCount;
    std::unique_ptr<ExecThreads> m_threads;
};

} // namespace

void registerConcurrentExec(WorkloadRegistry& registry)
{
    const WorkloadInfo info = scriptEngineInfo(
        "concurrent_exec", "batch",
        QStringLiteral("Runs batches of tool calls on parallel threads (parameter threads, default %1), each "
                       "thread with its own QJSEngine calling the simple, medium and complex tool once per "
                       "batch; one batch = %2 calls per thread")
            .arg(kDefaultThreads)
            .arg(ExecThreads::kCallsPerThread),
        {{QStringLiteral("threads"), kDefaultThreads}});
    registry.add(WorkloadFactory{info, [info](const QVariantMap& parameters) {
                                     auto [given, threads] = withCountParameter(info, parameters, "threads", 64);
                                     return std::make_unique<ConcurrentExec>(std::move(given), threads);
                                 }});
}

} // namespace crucible::workloads::script_engine
