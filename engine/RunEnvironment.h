#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// What the machine was doing while a run measured, and what of it makes timings unstable. The
// checks are the union of pyperf's `system show`, Google Benchmark's and nanobench's warnings,
// plus what a shared or virtual machine adds (steal time, load during the run). Every fact is
// optional or may be empty: a file that is absent or unreadable leaves it unknown, never guessed.
namespace crucible {

// One thing that makes this run's timings less trustworthy: a stable key for scripts
// ("cpu_governor") and a sentence for a reader.
struct EnvironmentWarning {
    QString key;
    QString message;

    friend bool operator==(const EnvironmentWarning&, const EnvironmentWarning&) = default;
};

struct LoadAverage {
    double one = 0; // /proc/loadavg: 1, 5 and 15 minute averages of runnable + uninterruptible tasks
    double five = 0;
    double fifteen = 0;

    friend bool operator==(const LoadAverage&, const LoadAverage&) = default;
};

// The library_build_type a Google Benchmark executable wrote in its JSON context.
struct GbenchLibrary {
    QString executable;
    QString buildType; // "release" or "debug", as Google Benchmark writes it

    friend bool operator==(const GbenchLibrary&, const GbenchLibrary&) = default;
};

struct RunEnvironment {
    // The machine.
    std::optional<QString> virtualization; // "none", a hypervisor ("KVM", "VMware", ...) or "virtual machine"
    QString cpuModel;                      // /proc/cpuinfo's model name; empty: unknown
    std::optional<int> onlineCpus;         // /sys/devices/system/cpu/online

    // Frequency (cpufreq of CPU 0; there is no cpufreq in most virtual machines and containers).
    QString scalingDriver; // "intel_pstate", "acpi-cpufreq", "amd-pstate", ...
    QStringList governors; // the distinct governors over all CPUs; empty: no cpufreq
    std::optional<qint64> scalingMinKhz;
    std::optional<qint64> scalingMaxKhz;
    std::optional<qint64> currentKhz; // at the start of the run
    std::optional<bool> turbo;        // intel_pstate/no_turbo, or cpufreq/boost

    // Scheduling and the kernel.
    QString smtControl; // /sys/devices/system/cpu/smt/control: on, off, notsupported, ...
    std::optional<bool> smtActive;
    std::optional<int> aslr;               // /proc/sys/kernel/randomize_va_space: 0, 1 or 2
    std::optional<bool> aslrOffForProcess; // this process runs with ADDR_NO_RANDOMIZE (setarch -R)
    std::optional<int> perfEventParanoid;
    std::optional<QString> isolatedCpus; // isolcpus= as the kernel reports it; "" when none is isolated
    std::optional<QString> nohzFullCpus; // nohz_full=; "" when none
    std::optional<bool> onAcPower;       // false on battery; unknown without a mains supply in sysfs

    // Load before the run, and what else ran during it (EnvironmentSampler).
    std::optional<LoadAverage> loadBefore;
    std::optional<LoadAverage> loadAfter;
    std::optional<int> runnableBefore;    // procs_running: tasks on a CPU or waiting for one
    int runnableSamples = 0;              // how often procs_running was sampled during the run
    std::optional<double> runnableMean;   // its mean and maximum over those samples (the sampler
    std::optional<int> runnableMax;       //   and the run's own threads included)
    std::optional<double> othersCpu;      // CPUs kept busy on average by other processes
    std::optional<double> stealPct;       // share of all CPU time the hypervisor took, in percent
    std::optional<double> sampledSeconds; // how long the sampler watched

    // How what was measured was built.
    QString buildType;              // this program's CMAKE_BUILD_TYPE ("Release", "Debug", ...)
    std::optional<bool> optimized;  // compiled with optimization (__OPTIMIZE__)
    std::optional<bool> assertions; // NDEBUG not defined: assert() checks run
    std::vector<GbenchLibrary> gbenchLibraries;

    std::vector<EnvironmentWarning> warnings; // filled by judgeEnvironment()

    bool hasWarning(const QString& key) const;
    friend bool operator==(const RunEnvironment&, const RunEnvironment&) = default;
};

// This machine, at the start of a run: the files below "/" and, on x86, the hypervisor's CPUID
// signature. Takes a few milliseconds.
RunEnvironment captureEnvironment();
// The same from a tree laid out like / (proc/..., sys/...), for tests: no CPUID, and this
// process's build facts still come from this program.
RunEnvironment captureEnvironment(const QString& root);

// Replaces env.warnings with what in env makes timings unstable, most serious first.
void judgeEnvironment(RunEnvironment& env);

// "2.10 GHz", "800 MHz".
QString formatFrequencyKhz(qint64 khz);

} // namespace crucible
