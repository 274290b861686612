#include "MemoryFootprintWorkloads.h"

#include "CheckedCommand.h"
#include "ProcessMemory.h"
#include "QuantityWorkload.h"
#include "ThisProgram.h"

#include <QTemporaryDir>

#include <memory>
#include <stdexcept>

namespace crucible::workloads::sys {

namespace {

// Three figures, each in bytes (a quantity per sample, see QuantityWorkload.h):
//   start   the peak resident set of a fresh `crucible-bench --version` child (its own VmHWM,
//           read by the engine's command runner, not inherited from this process): the least
//           memory the program takes to start with Qt Core loaded;
//   steady  this process's resident set now, between workloads: the runner with whatever the
//           earlier workloads of the run left resident (run alone: the idle headless runner);
//   peak    this process's peak resident set so far in the run (VmHWM), the figure a
//           "memory ≤ 90 MB" budget is about.
// start does not depend on what ran before; steady and peak do, by design: they describe
// this run of the program, so compare them between runs of the same suite.
enum class Phase { Start, Steady, Peak };

class MemoryFootprintWorkload final : public QuantityWorkload {
public:
    MemoryFootprintWorkload(WorkloadInfo info, Phase phase) : QuantityWorkload(std::move(info)), m_phase(phase) { }

    void setUp(std::stop_token) override
    {
        if (m_phase != Phase::Start)
            return;
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            throw std::runtime_error("system.memory_footprint.start: cannot create a temporary directory");
        m_spec.argv = {crucibleBenchExecutable(), QStringLiteral("--version")};
        m_spec.workingDirectory = m_dir->path();
        m_spec.timeoutSeconds = 30;
        m_spec.exactPeakMemory = true;
    }

    Quantity measure(std::stop_token stop) override
    {
        switch (m_phase) {
        case Phase::Start: {
            const CommandOutcome outcome = runChecked(m_spec, stop);
            if (outcome.peakRssBytes <= 0 && !stop.stop_requested())
                throw std::runtime_error("system.memory_footprint.start: the child's peak memory could not be read");
            return {double(outcome.peakRssBytes), outcome.peakRssBytes};
        }
        case Phase::Steady: {
            const std::int64_t rss = currentRssBytes();
            return {double(rss), rss};
        }
        case Phase::Peak:
            break;
        }
        const std::int64_t peak = peakRssBytes();
        return {double(peak), currentRssBytes()};
    }

    void tearDown() override { m_dir.reset(); }

private:
    Phase m_phase;
    std::unique_ptr<QTemporaryDir> m_dir;
    CommandSpec m_spec;
};

void add(WorkloadRegistry& registry, const char* id, Phase phase, const char* operation, const char* description)
{
    WorkloadInfo info;
    info.id = QLatin1String(id);
    info.category = Category::System;
    info.description = QString::fromUtf8(description);
    info.unit = QStringLiteral("bytes");
    info.operation = QLatin1String(operation);
    registry.add(WorkloadFactory{
        info, [info, phase](const QVariantMap&) { return std::make_unique<MemoryFootprintWorkload>(info, phase); }});
}

} // namespace

void registerMemoryFootprintWorkloads(WorkloadRegistry& registry)
{
    add(registry, "system.memory_footprint.start", Phase::Start, "start",
        "Peak resident memory of a fresh `crucible-bench --version` process (its own VmHWM): "
        "the least memory the program needs to start");
    add(registry, "system.memory_footprint.steady", Phase::Steady, "reading",
        "Resident memory of this process between workloads: the runner with what the earlier "
        "workloads of this run left resident (alone: the idle headless runner)");
    add(registry, "system.memory_footprint.peak", Phase::Peak, "reading",
        "Peak resident memory (VmHWM) of this process so far in the run, the figure a "
        "memory budget limits; depends on which workloads ran before it");
}

} // namespace crucible::workloads::sys
