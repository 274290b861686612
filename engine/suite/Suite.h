#pragma once

#include "Workload.h"
#include "process/CommandRunner.h"

#include <QString>

#include <optional>
#include <vector>

namespace crucible {

// Measurement defaults of a suite file (SPEC.md "Suite file"). Each applies unless the command
// line (or its environment variable) gave the matching setting.
struct SuiteDefaults {
    std::optional<double> warmUpSeconds;
    std::optional<double> measurementSeconds;
    std::optional<int> samples;
    std::optional<int> rounds;
    std::optional<double> timeoutSeconds;
};

// One workload of a suite, after `params` has been expanded.
struct SuiteWorkload {
    enum class Kind { BuiltIn, Command, Gbench };
    Kind kind = Kind::BuiltIn;
    WorkloadInfo info;      // id with "/key=value" appended, category, description, parameters
    QString baseId;         // the id as the entry wrote it (for a built-in, its registry id)
    QVariantMap parameters; // this combination only (a built-in's factory gets them)
    // Kind::Command: argv with "{key}" replaced, timeout resolved (entry, else defaults, else
    // kDefaultTimeoutSeconds), the same for prepare and cleanup. A relative cwd, like a
    // relative program path, is relative to the directory crucible-bench runs in (as with
    // hyperfine), not to the suite file's.
    // Kind::Gbench: argv is the executable and the entry's "args", with its cwd, env and timeout.
    CommandSpec command;
    std::optional<CommandSpec> prepare;
    std::optional<CommandSpec> cleanup;
    // Kind::Command: run untimed before each execution, warm-up ones included (hyperfine's
    // --prepare; a suite's "prepare" is the once-only set-up).
    std::optional<CommandSpec> prepareEachRun;
    // Kind::Gbench: the benchmark's name as the executable lists it, which is also info.id.
    QString gbenchName;
};

// A limit on one metric of a workload ("*": each workload of the suite). Evaluated by the
// history layer, not here.
struct Budget {
    QString workload;
    // median_ms, mean_ms, p99_ms, peak_rss_mb, throughput_per_s (SPEC.md), and median_mb: the
    // median of a workload measured in bytes (system.binary_size), in MiB, as peak_rss_mb is.
    QString metric;
    std::optional<double> max; // every metric but throughput_per_s
    std::optional<double> min; // throughput_per_s
};

// "candidate is expected_improvement_pct % faster than baseline, give or take tolerance_pct".
struct Claim {
    QString name;
    QString baseline;
    QString candidate;
    double expectedImprovementPct = 0;
    double tolerancePct = 0;
};

// What a suite file may expand to (parameter scans multiply): more is refused when the file is
// read, before anything is made.
inline constexpr int kMostSuiteWorkloads = 100'000;
// A headless run of more workloads than this asks for --yes: a scan that expanded further than
// meant would otherwise start measuring for hours.
inline constexpr int kLargeRunWorkloads = 1'000;

// A validated suite file.
struct Suite {
    QString name;
    QString fileName; // as the user gave it; the built-in suite's resource path otherwise
    SuiteDefaults defaults;
    std::vector<SuiteWorkload> workloads;
    std::vector<Budget> budgets;
    std::vector<Claim> claims;
    // Every workload measured in one interleaved group (A B C A B C …, engine/SuiteRunner.h):
    // the commands of --command, compared with each other.
    bool interleaved = false;

    // A command with no timeout_s of its own nor in defaults: a hung command must not hang the run.
    static constexpr double kDefaultTimeoutSeconds = 60;
};

} // namespace crucible
