#pragma once

#include "CommandRunner.h"
#include "Workload.h"

#include <optional>

namespace crucible {

// An external command as a workload: one iteration is one execution, measured from outside
// (wall time around the child, its user and system time, its own peak RSS: exactly, stopped at
// its exit, for every tenth measured execution from the first; see execute()). `prepare` runs once
// before warm-up and `cleanup` once after the last sample (or after a failure), neither timed.
// An execution that fails, times out or crashes ends the workload with that status and error;
// a failing prepare or cleanup marks it failed.
class CommandWorkload : public Workload {
public:
    CommandWorkload(WorkloadInfo info, CommandSpec command, std::optional<CommandSpec> prepare = {},
                    std::optional<CommandSpec> cleanup = {});

    const WorkloadInfo& info() const override { return m_info; }
    void setUp(std::stop_token) override;
    void tearDown() override;
    void run(std::uint64_t iterations, std::stop_token stop) override;
    bool measuresItself() const override { return true; }
    std::optional<Sample> measureIteration(std::stop_token stop) override;

    const CommandSpec& command() const { return m_command; }
    // Run untimed before each execution, warm-up included (hyperfine's --prepare).
    void setPrepareEachRun(std::optional<CommandSpec> prepare) { m_prepareEachRun = std::move(prepare); }

    // "External command: grep -c x data.txt", for workloads that have no description of their own.
    static QString describe(const QStringList& argv);

private:
    // One execution; nullopt when stopped, throws WorkloadFailure when it did not end as expected.
    // With `exactPeak`, stopped at its exit for the exact peak memory (when the spec allows).
    std::optional<CommandOutcome> execute(std::stop_token stop, bool exactPeak);

    WorkloadInfo m_info;
    CommandSpec m_command;
    std::optional<CommandSpec> m_prepare;
    std::optional<CommandSpec> m_cleanup;
    std::optional<CommandSpec> m_prepareEachRun;
    static constexpr std::uint64_t kExactPeakEvery = 10;
    std::uint64_t m_measured = 0; // executions measured as samples (warm-up not counted)
};

} // namespace crucible
