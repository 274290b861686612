#include "ToolExecPair.h"

#include "DoNotOptimize.h"
#include "PairInfo.h"
#include "ToolCore.h"
#include "ToolLayers.h"

#include <string>
#include <vector>

namespace crucible::workloads::architecture {

namespace {

// Several different texts, taken in turn, so that no call's result can be computed once and
// reused; all of one size, so that every call does the same amount of tool work.
constexpr std::size_t kInputCount = 16;
constexpr std::size_t kInputBytes = 96;

// Old way: the caller names the tool and hands over its input; the facade marshals it into a
// QVariantMap, the service validates and dispatches through a std::function, the repository
// looks the tool up by name, the adapter unmarshals, calls, and marshals the result back.
class ToolExecLayered final : public BasicWorkload {
public:
    explicit ToolExecLayered(WorkloadInfo info)
        : BasicWorkload(std::move(info)), m_inputs(makeToolInputs(kInputCount, kInputBytes))
    { }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (stopRequestedAt(i, stop))
                return;
            const ToolResult result = m_facade.run(m_toolName, m_inputs[m_next++ % kInputCount]);
            doNotOptimize(result);
        }
    }

private:
    const QString m_toolName = QStringLiteral("text.wc");
    std::vector<std::string> m_inputs;
    ToolFacade m_facade;
    std::size_t m_next = 0;
};

// New way: the same tool function, called with a typed argument and returning a typed result.
// countAndChecksum is out of line (ToolCore.cpp) for both sides, so the difference measured is
// the layering alone.
class ToolExecDirect final : public BasicWorkload {
public:
    explicit ToolExecDirect(WorkloadInfo info)
        : BasicWorkload(std::move(info)), m_inputs(makeToolInputs(kInputCount, kInputBytes))
    { }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (stopRequestedAt(i, stop))
                return;
            const ToolResult result = countAndChecksum(m_inputs[m_next++ % kInputCount]);
            doNotOptimize(result);
        }
    }

private:
    std::vector<std::string> m_inputs;
    std::size_t m_next = 0;
};

} // namespace

void registerToolExecPair(WorkloadRegistry& registry)
{
    registry.add<ToolExecLayered>(
        pairSideInfo("tool_exec", "layered", "direct", "call",
                     "Tool call through facade, service, repository and adapter layers with arguments in a "
                     "QVariantMap (old way)"));
    registry.add<ToolExecDirect>(pairSideInfo("tool_exec", "direct", "layered", "call",
                                              "The same tool called directly with typed arguments (new way)"));
}

} // namespace crucible::workloads::architecture
