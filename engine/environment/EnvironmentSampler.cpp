#include "EnvironmentSampler.h"

#include "CpuTime.h"
#include "SystemFiles.h"
#include "Workload.h"
#include "process/GbenchWorkload.h"

#include <QElapsedTimer>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <sys/resource.h>
#include <unistd.h>

namespace crucible {

// /proc/stat's first line, in clock ticks: "cpu user nice system idle iowait irq softirq steal
// guest guest_nice". Guest time is already counted in user and nice. Outside the anonymous
// namespace: EnvironmentSampler::State (a member of a class with linkage) holds one.
struct CpuTicks {
    double busy = 0; // user + nice + system + irq + softirq
    double steal = 0;
    double total = 0; // everything but guest
};

namespace {

std::optional<CpuTicks> readCpuTicks(const sysfiles::Root& root)
{
    const std::optional<QString> line = root.line(QStringLiteral("proc/stat"));
    if (!line || !line->startsWith(QLatin1String("cpu ")))
        return std::nullopt;
    const QStringList f = line->split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (f.size() < 8)
        return std::nullopt;
    auto field = [&](int i) { return i < f.size() ? f[i].toDouble() : 0.0; };
    CpuTicks t;
    t.busy = field(1) + field(2) + field(3) + field(6) + field(7);
    t.steal = field(8);
    t.total = t.busy + field(4) + field(5) + t.steal;
    return t;
}

std::optional<int> readRunnable(const sysfiles::Root& root)
{
    const std::optional<QString> line = root.line(QStringLiteral("proc/loadavg"));
    if (!line)
        return std::nullopt;
    bool ok = false;
    const int running = line->section(QLatin1Char(' '), 3, 3).section(QLatin1Char('/'), 0, 0).toInt(&ok);
    return ok ? std::optional<int>(running) : std::nullopt;
}

std::optional<LoadAverage> readLoad(const sysfiles::Root& root)
{
    const QStringList f =
        root.line(QStringLiteral("proc/loadavg")).value_or(QString()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (f.size() < 3)
        return std::nullopt;
    bool ok1 = false, ok5 = false, ok15 = false;
    const LoadAverage load{f[0].toDouble(&ok1), f[1].toDouble(&ok5), f[2].toDouble(&ok15)};
    return ok1 && ok5 && ok15 ? std::optional<LoadAverage>(load) : std::nullopt;
}

// CPU seconds of this process and of its children that have been waited for: the run's own
// work, measured threads and external commands alike.
double ownCpuSeconds()
{
    double totalNs = 0;
    for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
        rusage usage{};
        if (::getrusage(who, &usage) == 0) {
            const CpuTimes cpu = cpuTimesOf(usage);
            totalNs += cpu.userNs + cpu.sysNs;
        }
    }
    return totalNs / 1e9;
}

} // namespace

struct EnvironmentSampler::State {
    sysfiles::Root root;
    std::chrono::milliseconds interval;
    bool started = false;
    std::optional<CpuTicks> ticksBefore;
    double ownCpuBefore = 0;
    QElapsedTimer clock;
    std::vector<int> runnable; // written by the thread only, read after it is joined
    std::mutex mutex;
    std::condition_variable_any wake;
    std::jthread thread;

    void sampleUntilStopped(std::stop_token stop)
    {
        std::unique_lock lock(mutex);
        for (;;) {
            if (const std::optional<int> r = readRunnable(root))
                runnable.push_back(*r);
            // Wakes at the interval, or at once when finish() asks it to stop.
            wake.wait_for(lock, stop, interval, [] { return false; });
            if (stop.stop_requested())
                return;
        }
    }
};

EnvironmentSampler::EnvironmentSampler(QString root, std::chrono::milliseconds interval)
    : m_state(std::make_unique<State>())
{
    m_state->root = sysfiles::Root(std::move(root));
    m_state->interval = interval;
}

EnvironmentSampler::~EnvironmentSampler()
{
    if (m_state->thread.joinable()) {
        m_state->thread.request_stop();
        m_state->thread.join();
    }
}

void EnvironmentSampler::start()
{
    State& s = *m_state;
    s.started = true;
    s.ticksBefore = readCpuTicks(s.root);
    s.ownCpuBefore = ownCpuSeconds();
    s.clock.start();
    s.thread = std::jthread([&s](std::stop_token stop) { s.sampleUntilStopped(stop); });
}

void EnvironmentSampler::finish(RunEnvironment& env, const std::vector<std::unique_ptr<Workload>>& measured)
{
    State& s = *m_state;
    if (s.started) {
        s.thread.request_stop();
        if (s.thread.joinable())
            s.thread.join();
        const double wallSeconds = double(s.clock.nsecsElapsed()) / 1e9;
        env.sampledSeconds = wallSeconds;
        env.loadAfter = readLoad(s.root);
        env.runnableSamples = int(s.runnable.size());
        if (!s.runnable.empty()) {
            double sum = 0;
            for (int r : s.runnable)
                sum += r;
            env.runnableMean = sum / double(s.runnable.size());
            env.runnableMax = *std::max_element(s.runnable.begin(), s.runnable.end());
        }
        const std::optional<CpuTicks> after = readCpuTicks(s.root);
        if (s.ticksBefore && after && after->total > s.ticksBefore->total) {
            env.stealPct = 100.0 * (after->steal - s.ticksBefore->steal) / (after->total - s.ticksBefore->total);
            const double ticksPerSecond = double(::sysconf(_SC_CLK_TCK));
            if (ticksPerSecond > 0 && wallSeconds > 0) {
                const double busySeconds = (after->busy - s.ticksBefore->busy) / ticksPerSecond;
                const double ownSeconds = ownCpuSeconds() - s.ownCpuBefore;
                env.othersCpu = std::max(0.0, busySeconds - ownSeconds) / wallSeconds;
            }
        }
        s.started = false;
    }
    for (const GbenchLibrary& lib : measuredGbenchLibraries(measured))
        if (std::find(env.gbenchLibraries.begin(), env.gbenchLibraries.end(), lib) == env.gbenchLibraries.end())
            env.gbenchLibraries.push_back(lib);
    judgeEnvironment(env);
}

std::vector<GbenchLibrary> measuredGbenchLibraries(const std::vector<std::unique_ptr<Workload>>& workloads)
{
    std::vector<GbenchLibrary> libraries;
    for (const std::unique_ptr<Workload>& w : workloads) {
        const auto* gbench = dynamic_cast<const GbenchWorkload*>(w.get());
        if (!gbench || gbench->libraryBuildType().isEmpty())
            continue;
        const GbenchLibrary lib{gbench->program(), gbench->libraryBuildType()};
        if (std::find(libraries.begin(), libraries.end(), lib) == libraries.end())
            libraries.push_back(lib);
    }
    return libraries;
}

} // namespace crucible
