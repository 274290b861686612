// The run environment (engine/RunEnvironment.h): the readers on fake /proc and /sys trees, the
// judge, the sampler under a real forced load and with a fake steal counter, a Google Benchmark
// executable built as debug, results.json and summary.md, and the way back from the history.
#include "ErrorText.h"
#include "RunEnvironment.h"
#include "SuiteRunner.h"
#include "environment/EnvironmentSampler.h"
#include "export/TextReports.h"
#include "history/HistoryStore.h"
#include "interop/ResultsJson.h"
#include "process/GbenchWorkload.h"

#include <QtTest>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace crucible;

namespace {

// A tree laid out like / with the files a test names; everything else is absent.
class FakeRoot {
public:
    FakeRoot() { QVERIFY(m_dir.isValid()); }

    QString path() const { return m_dir.path(); }

    void write(const QString& relative, const QString& content) const
    {
        const QString file = QDir(m_dir.path()).filePath(relative);
        QDir().mkpath(QFileInfo(file).absolutePath());
        QFile f(file);
        QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(file));
        f.write(content.toUtf8());
    }

    // A bare-metal x86 machine tuned for benchmarks: nothing in it warrants a warning.
    void writeTuned() const
    {
        write(QStringLiteral("proc/cpuinfo"),
              QStringLiteral("processor\t: 0\nmodel name\t: Example CPU @ 3.00GHz\n"
                             "flags\t\t: fpu sse2 avx2\n\nprocessor\t: 1\n"));
        write(QStringLiteral("sys/devices/system/cpu/online"), QStringLiteral("0-3\n"));
        for (int cpu = 0; cpu < 4; ++cpu) {
            const QString dir = QStringLiteral("sys/devices/system/cpu/cpu%1/cpufreq/").arg(cpu);
            write(dir + QStringLiteral("scaling_governor"), QStringLiteral("performance\n"));
            write(dir + QStringLiteral("scaling_min_freq"), QStringLiteral("3000000\n"));
            write(dir + QStringLiteral("scaling_max_freq"), QStringLiteral("3000000\n"));
            write(dir + QStringLiteral("scaling_cur_freq"), QStringLiteral("2999000\n"));
            write(dir + QStringLiteral("scaling_driver"), QStringLiteral("intel_pstate\n"));
        }
        write(QStringLiteral("sys/devices/system/cpu/intel_pstate/no_turbo"), QStringLiteral("1\n"));
        write(QStringLiteral("sys/devices/system/cpu/smt/control"), QStringLiteral("off\n"));
        write(QStringLiteral("sys/devices/system/cpu/smt/active"), QStringLiteral("0\n"));
        write(QStringLiteral("sys/devices/system/cpu/isolated"), QStringLiteral("2-3\n"));
        write(QStringLiteral("sys/devices/system/cpu/nohz_full"), QStringLiteral("(null)\n"));
        write(QStringLiteral("proc/sys/kernel/randomize_va_space"), QStringLiteral("0\n"));
        write(QStringLiteral("proc/sys/kernel/perf_event_paranoid"), QStringLiteral("2\n"));
        write(QStringLiteral("proc/self/personality"), QStringLiteral("00000000\n"));
        write(QStringLiteral("proc/loadavg"), QStringLiteral("0.02 0.05 0.01 1/180 4242\n"));
        write(QStringLiteral("sys/class/power_supply/AC/type"), QStringLiteral("Mains\n"));
        write(QStringLiteral("sys/class/power_supply/AC/online"), QStringLiteral("1\n"));
    }

private:
    QTemporaryDir m_dir;
};

QStringList keys(const RunEnvironment& env)
{
    QStringList k;
    for (const EnvironmentWarning& w : env.warnings)
        k << w.key;
    return k;
}

// What this build of the tests says about itself: a Debug build of crucible-bench warns.
QStringList buildKeys()
{
    RunEnvironment build = captureEnvironment(QStringLiteral("/nonexistent-root"));
    return keys(build);
}

// Busy child processes, so that the load comes from other processes, as a build beside the
// benchmark would; killed and reaped when it goes out of scope.
class BusyChildren {
public:
    explicit BusyChildren(int count)
    {
        for (int i = 0; i < count; ++i) {
            auto p = std::make_unique<QProcess>();
            p->start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("while :; do :; done")});
            QVERIFY(p->waitForStarted());
            m_children.push_back(std::move(p));
        }
    }
    ~BusyChildren()
    {
        for (auto& p : m_children) {
            p->kill();
            p->waitForFinished();
        }
    }

private:
    std::vector<std::unique_ptr<QProcess>> m_children;
};

RunEnvironment everyFieldSet()
{
    RunEnvironment e;
    e.virtualization = QStringLiteral("KVM");
    e.cpuModel = QStringLiteral("Example CPU");
    e.onlineCpus = 8;
    e.scalingDriver = QStringLiteral("acpi-cpufreq");
    e.governors = {QStringLiteral("ondemand"), QStringLiteral("powersave")};
    e.scalingMinKhz = 800000;
    e.scalingMaxKhz = 4200000;
    e.currentKhz = 2100000;
    e.turbo = true;
    e.smtControl = QStringLiteral("on");
    e.smtActive = true;
    e.aslr = 2;
    e.aslrOffForProcess = false;
    e.perfEventParanoid = 3;
    e.isolatedCpus = QString();
    e.nohzFullCpus = QStringLiteral("1-7");
    e.onAcPower = false;
    e.loadBefore = LoadAverage{1.5, 0.75, 0.25};
    e.loadAfter = LoadAverage{2.5, 1.0, 0.5};
    e.runnableBefore = 3;
    e.runnableSamples = 12;
    e.runnableMean = 4.25;
    e.runnableMax = 6;
    e.othersCpu = 1.75;
    e.stealPct = 0.5;
    e.sampledSeconds = 2.5;
    e.buildType = QStringLiteral("Debug");
    e.optimized = false;
    e.assertions = true;
    e.gbenchLibraries = {{QStringLiteral("./build/mylib_bench"), QStringLiteral("debug")}};
    judgeEnvironment(e);
    return e;
}

} // namespace

class TestEnvironment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tunedMachineHasNoWarning();
    void forcedSettingsWarn_data();
    void forcedSettingsWarn();
    void absentFilesAreUnknown();
    void thisMachineIsCaptured();
    void sampledStealComesFromProcStat();
    void forcedLoadIsSeenDuringTheRun();
    void debugGbenchLibraryWarns();
    void jsonRoundTrip();
    void olderRunsHaveNoEnvironment();
    void historyGivesTheEnvironmentBack();
    void summaryMarkdownHasTheSection();
};

void TestEnvironment::tunedMachineHasNoWarning()
{
    FakeRoot root;
    root.writeTuned();
    const RunEnvironment env = captureEnvironment(root.path());
    QCOMPARE(env.virtualization, QStringLiteral("none"));
    QCOMPARE(env.cpuModel, QStringLiteral("Example CPU @ 3.00GHz"));
    QCOMPARE(env.onlineCpus, 4);
    QCOMPARE(env.governors, QStringList{QStringLiteral("performance")});
    QCOMPARE(env.scalingMinKhz, qint64(3000000));
    QCOMPARE(env.currentKhz, qint64(2999000));
    QCOMPARE(env.turbo, false);
    QCOMPARE(env.smtActive, false);
    QCOMPARE(env.aslr, 0);
    QCOMPARE(env.aslrOffForProcess, false);
    QCOMPARE(env.perfEventParanoid, 2);
    QCOMPARE(env.isolatedCpus, QStringLiteral("2-3"));
    QCOMPARE(env.nohzFullCpus, QString());
    QCOMPARE(env.onAcPower, true);
    QVERIFY(env.loadBefore.has_value());
    QCOMPARE(env.loadBefore->one, 0.02);
    QCOMPARE(env.runnableBefore, 1);
    QCOMPARE(keys(env), buildKeys());
}

void TestEnvironment::forcedSettingsWarn_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("key");

    const QString cpu = QStringLiteral("sys/devices/system/cpu/");
    QTest::newRow("governor powersave") << cpu + QStringLiteral("cpu2/cpufreq/scaling_governor") << "powersave"
                                        << "cpu_governor";
    QTest::newRow("frequency range") << cpu + QStringLiteral("cpu0/cpufreq/scaling_min_freq") << "800000"
                                     << "cpu_frequency_scaling";
    QTest::newRow("turbo on (intel_pstate)") << cpu + QStringLiteral("intel_pstate/no_turbo") << "0"
                                             << "turbo";
    QTest::newRow("SMT active") << cpu + QStringLiteral("smt/active") << "1"
                                << "smt";
    QTest::newRow("ASLR 2") << "proc/sys/kernel/randomize_va_space"
                            << "2"
                            << "aslr";
    QTest::newRow("ASLR 1") << "proc/sys/kernel/randomize_va_space"
                            << "1"
                            << "aslr";
    QTest::newRow("no isolcpus") << cpu + QStringLiteral("isolated") << ""
                                 << "isolated_cpus";
    QTest::newRow("nohz_full with intel_pstate") << cpu + QStringLiteral("nohz_full") << "1-3"
                                                 << "nohz_full_intel_pstate";
    QTest::newRow("battery") << "sys/class/power_supply/AC/online"
                             << "0"
                             << "on_battery";
    QTest::newRow("busy before") << "proc/loadavg"
                                 << "3.50 1.20 0.40 5/300 99"
                                 << "load_before_run";
    QTest::newRow("QEMU in DMI") << "sys/class/dmi/id/sys_vendor"
                                 << "QEMU"
                                 << "virtual_machine";
    QTest::newRow("hypervisor flag") << "proc/cpuinfo"
                                     << "model name\t: Example\nflags\t\t: fpu hypervisor avx2\n"
                                     << "virtual_machine";
    QTest::newRow("Xen") << "sys/hypervisor/type"
                         << "xen"
                         << "virtual_machine";
}

void TestEnvironment::forcedSettingsWarn()
{
    QFETCH(QString, file);
    QFETCH(QString, content);
    QFETCH(QString, key);
    FakeRoot root;
    root.writeTuned();
    root.write(file, content + QLatin1Char('\n'));
    const RunEnvironment env = captureEnvironment(root.path());
    QStringList expected = buildKeys();
    expected << key;
    QCOMPARE(keys(env), expected);
    for (const EnvironmentWarning& w : env.warnings)
        QVERIFY2(w.message.endsWith(QLatin1Char('.')) && w.message.size() > 30, qPrintable(w.message));
}

void TestEnvironment::absentFilesAreUnknown()
{
    FakeRoot root; // empty
    const RunEnvironment env = captureEnvironment(root.path());
    QVERIFY(!env.virtualization);
    QVERIFY(env.cpuModel.isEmpty());
    QVERIFY(env.governors.isEmpty());
    QVERIFY(!env.scalingMinKhz && !env.scalingMaxKhz && !env.currentKhz);
    QVERIFY(!env.turbo && !env.smtActive && !env.aslr && !env.aslrOffForProcess && !env.perfEventParanoid);
    QVERIFY(!env.isolatedCpus && !env.nohzFullCpus && !env.onAcPower && !env.loadBefore && !env.runnableBefore);
    // Unknown is not a warning: nothing was seen to be wrong.
    QCOMPARE(keys(env), buildKeys());
    // The build facts are this program's own, whatever the root.
    QVERIFY(env.optimized.has_value() && env.assertions.has_value());
#ifdef NDEBUG
    QCOMPARE(env.assertions, false);
#endif
}

void TestEnvironment::thisMachineIsCaptured()
{
    const RunEnvironment env = captureEnvironment();
    QVERIFY(env.virtualization.has_value() || !QFile::exists(QStringLiteral("/proc/cpuinfo")));
    QVERIFY(env.loadBefore.has_value());
    QVERIFY(env.runnableBefore.value_or(0) >= 1); // this thread at least
    QVERIFY(env.onlineCpus.value_or(0) >= 1);
    QVERIFY(env.aslr.has_value());
    QVERIFY(env.aslrOffForProcess.has_value());
    qInfo("this machine: %s", qPrintable(keys(env).join(QStringLiteral(", "))));
}

void TestEnvironment::sampledStealComesFromProcStat()
{
    FakeRoot root;
    root.writeTuned();
    // user nice system idle iowait irq softirq steal guest guest_nice
    root.write(QStringLiteral("proc/stat"), QStringLiteral("cpu  1000 0 500 8000 100 0 0 0 0 0\nprocs_running 1\n"));
    EnvironmentSampler sampler(root.path(), std::chrono::milliseconds(20));
    RunEnvironment env = captureEnvironment(root.path());
    sampler.start();
    QTest::qWait(120);
    // 2000 ticks later, 100 of them stolen: 5%.
    root.write(QStringLiteral("proc/stat"), QStringLiteral("cpu  1500 0 600 9300 100 0 0 100 0 0\nprocs_running 1\n"));
    root.write(QStringLiteral("proc/loadavg"), QStringLiteral("0.10 0.05 0.01 1/180 4243\n"));
    sampler.finish(env);
    QVERIFY(env.stealPct.has_value());
    QCOMPARE(*env.stealPct, 5.0);
    QVERIFY(env.runnableSamples >= 2);
    QCOMPARE(env.runnableMean, 1.0);
    QCOMPARE(env.loadAfter->one, 0.10);
    QVERIFY(env.sampledSeconds.value_or(0) >= 0.1);
    QVERIFY(env.hasWarning(QStringLiteral("steal_time")));
}

void TestEnvironment::forcedLoadIsSeenDuringTheRun()
{
    RunEnvironment env = captureEnvironment();
    EnvironmentSampler sampler(QStringLiteral("/"), std::chrono::milliseconds(50));
    sampler.start();
    {
        BusyChildren load(3);
        QTest::qWait(1500);
        sampler.finish(env); // while the children still run: they are not this run's own
    }
    qInfo("runnable mean %.2f max %d over %d samples, others %.2f CPUs, load %.2f", env.runnableMean.value_or(-1),
          env.runnableMax.value_or(-1), env.runnableSamples, env.othersCpu.value_or(-1),
          env.loadAfter ? env.loadAfter->one : -1);
    QVERIFY(env.runnableSamples >= 10);
    // procs_running shows the three at once, unlike the one-minute load average.
    QVERIFY2(env.runnableMax.value_or(0) >= 3, qPrintable(QString::number(env.runnableMax.value_or(0))));
    QVERIFY(env.othersCpu.value_or(0) >= 0.9);
    QVERIFY(env.hasWarning(QStringLiteral("load_during_run")));
}

void TestEnvironment::debugGbenchLibraryWarns()
{
    // A "Google Benchmark executable" replaying a real output whose context says "debug".
    const QString fixture = QStringLiteral(CRUCIBLE_FIXTURES "/gbench_sample.json");
    const QString replay = QStringLiteral(GBENCH_REPLAY);
    SessionPlan plan;
    plan.settings = MeasurementSettings{0.0, 0.1, 3, 0};
    WorkloadInfo info;
    info.id = QStringLiteral("BM_SortInts/256");
    CommandSpec spec;
    spec.argv = {replay, fixture};
    spec.timeoutSeconds = 30;
    plan.workloads.push_back(std::make_unique<GbenchWorkload>(info, spec, info.id));

    // As Session::runOnWorker does: capture, sample around the run, finish with the workloads.
    RunInfo runInfo = describeEnvironment();
    EnvironmentSampler sampler;
    sampler.start();
    RunObserver quiet;
    RunResult run = runPlan(plan, {}, quiet);
    sampler.finish(runInfo.environment, plan.workloads);
    run.info = runInfo;
    QCOMPARE(run.results.size(), std::size_t(1));
    QVERIFY2(run.results.front().status == Status::Ok, qPrintable(run.results.front().error));

    const std::vector<GbenchLibrary> expected{{replay, QStringLiteral("debug")}};
    QCOMPARE(run.info.environment.gbenchLibraries, expected);
    QVERIFY(run.info.environment.hasWarning(QStringLiteral("gbench_debug_library")));

    // results.json's run object carries both.
    const QJsonObject json =
        QJsonDocument::fromJson(runToJsonBytes(run)).object().value(QStringLiteral("run")).toObject();
    const QJsonArray libraries = json[QStringLiteral("environment")][QStringLiteral("gbench_libraries")].toArray();
    QCOMPARE(libraries.size(), 1);
    QCOMPARE(libraries[0][QStringLiteral("library_build_type")].toString(), QStringLiteral("debug"));
    QCOMPARE(libraries[0][QStringLiteral("executable")].toString(), replay);
    bool warned = false;
    for (const QJsonValue& w : json[QStringLiteral("environment_warnings")].toArray())
        warned = warned || w[QStringLiteral("key")].toString() == QLatin1String("gbench_debug_library");
    QVERIFY(warned);
}

void TestEnvironment::jsonRoundTrip()
{
    RunInfo info;
    info.suiteName = QStringLiteral("s");
    info.environment = everyFieldSet();
    QVERIFY(info.environment.warnings.size() >= 10);
    const RunInfo back = runInfoFromJson(runInfoToJson(info));
    QCOMPARE(back.environment.warnings, info.environment.warnings);
    QVERIFY(back.environment == info.environment);

    // Unknown stays unknown (null), not zero or false.
    const RunEnvironment unknown;
    const QJsonObject o = runInfoToJson(RunInfo{}).value(QStringLiteral("environment")).toObject();
    QVERIFY(o.value(QStringLiteral("turbo")).isNull());
    QVERIFY(o.value(QStringLiteral("virtualization")).isNull());
    QVERIFY(o.value(QStringLiteral("steal_pct")).isNull());
    QVERIFY(runInfoFromJson(runInfoToJson(RunInfo{})).environment == unknown);
}

void TestEnvironment::olderRunsHaveNoEnvironment()
{
    QJsonObject old = runInfoToJson(RunInfo{});
    old.remove(QStringLiteral("environment"));
    old.remove(QStringLiteral("environment_warnings"));
    const RunInfo back = runInfoFromJson(old);
    QVERIFY(back.environment == RunEnvironment{});
    QVERIFY(summaryMarkdown(RunResult{}).indexOf("### Environment") < 0);
}

void TestEnvironment::historyGivesTheEnvironmentBack()
{
    QTemporaryDir dir;
    const auto store = HistoryStore::open(dir.filePath(QStringLiteral("h.sqlite")));
    QVERIFY2(store, qPrintable(errorText(store)));
    RunResult run;
    run.info = describeEnvironment();
    run.info.suiteName = QStringLiteral("env-suite");
    run.info.started = QDateTime::currentDateTimeUtc();
    run.info.finished = run.info.started.addSecs(1);
    run.info.environment = everyFieldSet();
    const Expected<qint64> id = (*store)->recordRun(run);
    QVERIFY2(id, qPrintable(errorText(id)));
    const Expected<RunResult> back = (*store)->loadRun(*id);
    QVERIFY2(back, qPrintable(errorText(back)));
    QVERIFY(back->info.environment == run.info.environment);
    QVERIFY(back->info.environment.hasWarning(QStringLiteral("steal_time")));
}

void TestEnvironment::summaryMarkdownHasTheSection()
{
    RunResult run;
    run.info.suiteName = QStringLiteral("s");
    run.info.environment = everyFieldSet();
    const QString md = QString::fromUtf8(summaryMarkdown(run));
    QVERIFY(md.contains(QStringLiteral("### Environment")));
    for (const EnvironmentWarning& w : run.info.environment.warnings)
        QVERIFY2(md.contains(w.message), qPrintable(w.message));
    QVERIFY(md.contains(QStringLiteral("| Governor | ondemand, powersave |")));
    QVERIFY(md.contains(QStringLiteral("| Turbo | on |")));

    RunEnvironment clean;
    clean.virtualization = QStringLiteral("none");
    clean.buildType = QStringLiteral("Release");
    run.info.environment = clean;
    const QString cleanMd = QString::fromUtf8(summaryMarkdown(run));
    QVERIFY(cleanMd.contains(QStringLiteral("Nothing known to make these timings unstable.")));
    QVERIFY(cleanMd.contains(QStringLiteral("| Turbo | unknown |")));
}

QTEST_GUILESS_MAIN(TestEnvironment)
#include "tst_environment.moc"
