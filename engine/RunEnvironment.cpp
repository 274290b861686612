// captureEnvironment(): the static facts of a run's machine, read from /proc and /sys at its start.
#include "RunEnvironment.h"

#include "environment/SystemFiles.h"
#include "environment/Virtualization.h"

#include <QDir>
#include <QRegularExpression>

#include <algorithm>

namespace crucible {

using sysfiles::Root;

namespace {

// CRUCIBLE_BUILD_TYPE comes from engine/CMakeLists.txt (this file only, so that changing the
// build type does not look like a change of every object to ccache).
#ifndef CRUCIBLE_BUILD_TYPE
#define CRUCIBLE_BUILD_TYPE ""
#endif

void readBuild(RunEnvironment& env)
{
    env.buildType = QStringLiteral(CRUCIBLE_BUILD_TYPE);
#ifdef __OPTIMIZE__
    env.optimized = true;
#else
    env.optimized = false;
#endif
#ifdef NDEBUG
    env.assertions = false;
#else
    env.assertions = true;
#endif
}

QString cpuModel(const Root& root)
{
    const QString cpuinfo = root.text(QStringLiteral("proc/cpuinfo")).value_or(QString());
    // "model name" on x86, "Model" or "Hardware" on some ARM kernels, "cpu" on POWER.
    static const QRegularExpression model(QStringLiteral("^(model name|Model|Hardware|cpu)\\s*:\\s*(.+)$"),
                                          QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = model.match(cpuinfo);
    return m.hasMatch() ? m.captured(2).trimmed() : QString();
}

// The cpuN directories, in numeric order.
QStringList cpuDirectories(const Root& root)
{
    QStringList cpus = QDir(root.path(QStringLiteral("sys/devices/system/cpu")))
                           .entryList({QStringLiteral("cpu*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    static const QRegularExpression numbered(QStringLiteral("^cpu\\d+$"));
    cpus.removeIf([](const QString& name) { return !numbered.match(name).hasMatch(); });
    std::sort(cpus.begin(), cpus.end(),
              [](const QString& a, const QString& b) { return a.mid(3).toInt() < b.mid(3).toInt(); });
    return cpus;
}

void readFrequency(const Root& root, RunEnvironment& env)
{
    const QString base = QStringLiteral("sys/devices/system/cpu/");
    for (const QString& cpu : cpuDirectories(root)) {
        const std::optional<QString> governor = root.line(base + cpu + QStringLiteral("/cpufreq/scaling_governor"));
        if (governor && !governor->isEmpty() && !env.governors.contains(*governor))
            env.governors << *governor;
    }
    env.governors.sort();
    const QString cpu0 = base + QStringLiteral("cpu0/cpufreq/");
    env.scalingDriver = root.line(cpu0 + QStringLiteral("scaling_driver")).value_or(QString());
    env.scalingMinKhz = root.integer(cpu0 + QStringLiteral("scaling_min_freq"));
    env.scalingMaxKhz = root.integer(cpu0 + QStringLiteral("scaling_max_freq"));
    env.currentKhz = root.integer(cpu0 + QStringLiteral("scaling_cur_freq"));

    // intel_pstate says "no_turbo"; acpi-cpufreq and amd-pstate say "boost", system-wide or per policy.
    if (const std::optional<qint64> noTurbo = root.integer(base + QStringLiteral("intel_pstate/no_turbo")))
        env.turbo = *noTurbo == 0;
    else if (const std::optional<qint64> boost = root.integer(base + QStringLiteral("cpufreq/boost")))
        env.turbo = *boost != 0;
    else if (const std::optional<qint64> policyBoost = root.integer(cpu0 + QStringLiteral("boost")))
        env.turbo = *policyBoost != 0;
}

void readScheduling(const Root& root, RunEnvironment& env)
{
    const QString base = QStringLiteral("sys/devices/system/cpu/");
    if (const std::optional<QString> online = root.line(base + QStringLiteral("online")))
        env.onlineCpus = sysfiles::cpuListCount(*online);
    env.smtControl = root.line(base + QStringLiteral("smt/control")).value_or(QString());
    if (const std::optional<qint64> active = root.integer(base + QStringLiteral("smt/active")))
        env.smtActive = *active != 0;
    if (const std::optional<qint64> aslr = root.integer(QStringLiteral("proc/sys/kernel/randomize_va_space")))
        env.aslr = int(*aslr);
    // setarch -R (personality ADDR_NO_RANDOMIZE) turns ASLR off for one process tree.
    if (const std::optional<QString> personality = root.line(QStringLiteral("proc/self/personality"))) {
        bool ok = false;
        const qulonglong value = personality->toULongLong(&ok, 16);
        if (ok)
            env.aslrOffForProcess = (value & 0x0040000u) != 0;
    }
    if (const std::optional<qint64> paranoid = root.integer(QStringLiteral("proc/sys/kernel/perf_event_paranoid")))
        env.perfEventParanoid = int(*paranoid);
    env.isolatedCpus = root.line(base + QStringLiteral("isolated"));
    // "(null)" on kernels built with NO_HZ_FULL but booted without the parameter.
    if (std::optional<QString> nohz = root.line(base + QStringLiteral("nohz_full")))
        env.nohzFullCpus = *nohz == QLatin1String("(null)") ? QString() : *nohz;
}

// pyperf's power check: the mains supplies' "online"; unknown on machines without one (desktops
// often list none, servers and VMs too).
void readPower(const Root& root, RunEnvironment& env)
{
    const QDir supplies(root.path(QStringLiteral("sys/class/power_supply")));
    for (const QString& name : supplies.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString dir = QStringLiteral("sys/class/power_supply/") + name + QLatin1Char('/');
        if (root.line(dir + QStringLiteral("type")).value_or(QString()) != QLatin1String("Mains"))
            continue;
        if (const std::optional<qint64> online = root.integer(dir + QStringLiteral("online"))) {
            env.onAcPower = env.onAcPower.value_or(false) || *online != 0;
        }
    }
}

// /proc/loadavg: "0.52 0.40 0.31 3/412 12345": the averages and, before the slash, the tasks
// running or runnable now (the kernel's nr_running(), the same as /proc/stat's procs_running).
void readLoad(const Root& root, RunEnvironment& env)
{
    const QStringList fields =
        root.line(QStringLiteral("proc/loadavg")).value_or(QString()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() < 4)
        return;
    bool ok1 = false, ok5 = false, ok15 = false, okRun = false;
    const LoadAverage load{fields[0].toDouble(&ok1), fields[1].toDouble(&ok5), fields[2].toDouble(&ok15)};
    if (ok1 && ok5 && ok15)
        env.loadBefore = load;
    const int running = fields[3].section(QLatin1Char('/'), 0, 0).toInt(&okRun);
    if (okRun)
        env.runnableBefore = running;
}

RunEnvironment capture(const Root& root)
{
    RunEnvironment env;
    env.virtualization = detectVirtualization(root);
    env.cpuModel = cpuModel(root);
    readFrequency(root, env);
    readScheduling(root, env);
    readPower(root, env);
    readLoad(root, env);
    readBuild(env);
    judgeEnvironment(env);
    return env;
}

} // namespace

bool RunEnvironment::hasWarning(const QString& key) const
{
    return std::any_of(warnings.begin(), warnings.end(), [&](const EnvironmentWarning& w) { return w.key == key; });
}

RunEnvironment captureEnvironment()
{
    return capture(Root(QStringLiteral("/")));
}

RunEnvironment captureEnvironment(const QString& root)
{
    return capture(Root(root));
}

QString formatFrequencyKhz(qint64 khz)
{
    if (khz >= 1'000'000)
        return QStringLiteral("%1 GHz").arg(double(khz) / 1e6, 0, 'f', 2);
    return QStringLiteral("%1 MHz").arg(double(khz) / 1e3, 0, 'f', 0);
}

} // namespace crucible
