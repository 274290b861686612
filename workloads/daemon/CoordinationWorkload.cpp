#include "CoordinationWorkload.h"

#include "Coordinator.h"
#include "DaemonInfo.h"
#include "DoNotOptimize.h"

#include <memory>
#include <stdexcept>

namespace crucible::workloads::daemon {

namespace {

constexpr int kHelpers = 2; // plus the calling thread: 3 threads per round
constexpr std::size_t kItems = 48;
constexpr std::size_t kItemBytes = 512;

// One round per iteration: the caller and two helper threads claim 48 work items from a
// shared cursor, merge their results under a lock and meet at a barrier.
class Coordination final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    void setUp(std::stop_token) override
    {
        m_coordinator = std::make_unique<Coordinator>(kHelpers, kItems, kItemBytes);
        m_coordinator->runRound();
        if (m_coordinator->itemsDone() != kItems)
            throw std::runtime_error("a coordination round lost work items");
    }

    void tearDown() override { m_coordinator.reset(); }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i) {
            const std::uint64_t result = m_coordinator->runRound();
            doNotOptimize(result);
        }
    }

private:
    std::unique_ptr<Coordinator> m_coordinator;
};

} // namespace

void registerCoordinationWorkload(WorkloadRegistry& registry)
{
    registry.add<Coordination>(
        daemonInfo("coordination", "round",
                   "One round of shared work among 3 threads: 48 items of 512 bytes claimed from a shared "
                   "cursor, checksummed, merged under a lock, everyone meeting at a barrier"));
}

} // namespace crucible::workloads::daemon
