#pragma once

#include "Workload.h"
#include "process/CommandRunner.h"

#include <vector>

// Workloads whose iteration is one or more child processes.
namespace crucible::workloads::sys {

// One iteration runs commands() one after another. The workload measures itself
// (Workload::measuresItself()): a sample is the children's own figures from the engine's
// command runner — wall time from spawn to reaping, user + system time from wait4, and their
// own peak resident set — not this thread's clock or this process's memory. A command that
// fails, times out or crashes ends the workload with that status (see runChecked).
class ChildProcessWorkload : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    bool measuresItself() const override { return true; }
    std::optional<Sample> measureIteration(std::stop_token stop) override;
    void run(std::uint64_t iterations, std::stop_token stop) override;

protected:
    // The commands of the next iteration; subclasses set them up in setUp() (the default
    // returns what setCommands() stored) or make them afresh per iteration.
    virtual std::vector<CommandSpec> commandsForIteration() { return m_commands; }
    void setCommands(std::vector<CommandSpec> commands) { m_commands = std::move(commands); }

private:
    std::vector<CommandSpec> m_commands;
};

} // namespace crucible::workloads::sys
