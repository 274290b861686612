// judgeEnvironment(): what in a run's environment makes its timings unstable. The union of
// pyperf `system show` (governor, turbo, ASLR, isolcpus, nohz_full with intel_pstate, power
// supply), Google Benchmark (CPU scaling, a debug library), nanobench (governor, frequency range,
// turbo, a debug build), and what a shared or virtual machine adds (hypervisor, steal, load).
#include "RunEnvironment.h"

namespace crucible {

namespace {

// Other processes kept at least a quarter of a CPU busy on average: on an idle desktop the
// background stays well under a tenth.
constexpr double kBusyOthersCpu = 0.25;
// A whole CPU's worth of tasks runnable over the minute before the run.
constexpr double kBusyLoadBefore = 1.0;

QString number(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

class Judge {
public:
    explicit Judge(const RunEnvironment& env) : m_env(env) { }

    std::vector<EnvironmentWarning> warnings()
    {
        builds();
        load();
        machine();
        frequency();
        scheduling();
        return std::move(m_warnings);
    }

private:
    void warn(const char* key, QString message)
    {
        m_warnings.push_back({QString::fromLatin1(key), std::move(message)});
    }

    void builds()
    {
        const bool debugType = m_env.buildType.compare(QLatin1String("Debug"), Qt::CaseInsensitive) == 0;
        if (debugType || m_env.optimized == false)
            warn("debug_build",
                 QStringLiteral("crucible-bench was built without optimization (build type %1): its built-in "
                                "workloads are timed as debug code, far slower than a release build.")
                     .arg(m_env.buildType.isEmpty() ? QStringLiteral("unknown") : m_env.buildType));
        else if (m_env.assertions == true)
            warn("debug_build",
                 QStringLiteral("crucible-bench was built with assertions on (NDEBUG not defined): the checks "
                                "in its built-in workloads are timed with them."));
        for (const GbenchLibrary& lib : m_env.gbenchLibraries)
            if (lib.buildType.compare(QLatin1String("debug"), Qt::CaseInsensitive) == 0)
                warn("gbench_debug_library",
                     QStringLiteral("%1 uses a debug build of the Google Benchmark library "
                                    "(library_build_type \"debug\"): timings may be affected.")
                         .arg(lib.executable));
    }

    void load()
    {
        const int cpus = m_env.onlineCpus.value_or(1);
        QStringList during;
        if (m_env.othersCpu && *m_env.othersCpu >= kBusyOthersCpu)
            during << QStringLiteral("other processes kept %1 CPUs busy on average").arg(number(*m_env.othersCpu, 2));
        // The sampler itself is one of the runnable tasks it counts.
        if (m_env.runnableMean && *m_env.runnableMean - 1 > cpus)
            during << QStringLiteral("%1 tasks were runnable on average (at most %2) for %3 CPUs")
                          .arg(number(*m_env.runnableMean - 1, 1))
                          .arg(m_env.runnableMax.value_or(0) - 1)
                          .arg(cpus);
        if (!during.isEmpty())
            warn("load_during_run",
                 QStringLiteral("The machine was busy during the run: %1. They compete with the "
                                "workloads for CPU time, caches and memory bandwidth.")
                     .arg(during.join(QStringLiteral("; "))));
        if (m_env.stealPct && *m_env.stealPct > 0)
            warn("steal_time",
                 QStringLiteral("The hypervisor took %1% of the CPU time during the run (steal time): the "
                                "workloads were stopped while other guests ran.")
                     .arg(number(*m_env.stealPct, *m_env.stealPct < 0.1 ? 3 : 1)));
        if (m_env.loadBefore && m_env.loadBefore->one >= kBusyLoadBefore)
            warn("load_before_run",
                 QStringLiteral("The load average was %1 when the run started (%2 CPUs): something "
                                "else was running, and may still have been.")
                     .arg(number(m_env.loadBefore->one, 2))
                     .arg(cpus));
    }

    void machine()
    {
        if (m_env.virtualization && *m_env.virtualization != QLatin1String("none"))
            warn("virtual_machine",
                 QStringLiteral("This is a virtual machine (%1): the hypervisor decides when its CPUs "
                                "run and at what frequency, and other guests share the hardware.")
                     .arg(*m_env.virtualization));
        if (m_env.onAcPower == false)
            warn("on_battery",
                 QStringLiteral("The machine runs on battery: power saving lowers and varies the CPU frequency."));
    }

    void frequency()
    {
        QStringList notPerformance = m_env.governors;
        notPerformance.removeAll(QStringLiteral("performance"));
        if (!notPerformance.isEmpty())
            warn("cpu_governor",
                 QStringLiteral("The CPU frequency governor is \"%1\", not \"performance\": CPU scaling is "
                                "enabled, and real-time measurements may be noisy.")
                     .arg(notPerformance.join(QStringLiteral("\", \""))));
        if (m_env.scalingMinKhz && m_env.scalingMaxKhz && *m_env.scalingMinKhz != *m_env.scalingMaxKhz)
            warn("cpu_frequency_scaling",
                 QStringLiteral("CPU frequency scaling is enabled: CPU 0 runs between %1 and %2.")
                     .arg(formatFrequencyKhz(*m_env.scalingMinKhz), formatFrequencyKhz(*m_env.scalingMaxKhz)));
        if (m_env.turbo == true)
            warn("turbo",
                 QStringLiteral("Turbo boost is on: the CPU frequency depends on temperature and on how many "
                                "cores are busy, so it fluctuates."));
    }

    void scheduling()
    {
        if (m_env.smtActive == true)
            warn("smt",
                 QStringLiteral("Simultaneous multithreading (Hyper-Threading) is active: a task on a sibling "
                                "thread shares the core's execution units and caches with the workload."));
        if (m_env.aslr && *m_env.aslr != 0 && m_env.aslrOffForProcess != true)
            warn("aslr",
                 QStringLiteral("Address space layout randomization is on (randomize_va_space = %1): each run gets "
                                "another memory layout, so two runs differ by more than one run's samples "
                                "show. setarch -R runs without it.")
                     .arg(*m_env.aslr));
        const int cpus = m_env.onlineCpus.value_or(0);
        if (m_env.isolatedCpus && m_env.isolatedCpus->isEmpty() && cpus > 1)
            warn("isolated_cpus",
                 QStringLiteral("No CPU is isolated (isolcpus= kernel parameter): the scheduler puts "
                                "other tasks and interrupts on the CPUs the workloads run on."));
        if (m_env.nohzFullCpus && !m_env.nohzFullCpus->isEmpty()
            && m_env.scalingDriver == QLatin1String("intel_pstate"))
            warn("nohz_full_intel_pstate",
                 QStringLiteral("nohz_full is set on CPUs %1, which the intel_pstate driver "
                                "does not handle: their frequency is not managed.")
                     .arg(*m_env.nohzFullCpus));
    }

    const RunEnvironment& m_env;
    std::vector<EnvironmentWarning> m_warnings;
};

} // namespace

void judgeEnvironment(RunEnvironment& env)
{
    env.warnings = Judge(env).warnings();
}

} // namespace crucible
