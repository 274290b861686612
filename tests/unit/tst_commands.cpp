// External commands: runCommand's timing, memory and classification; CommandWorkload in a
// session; a whole suite of good and bad commands through the real program.
#include "ProcessMemory.h"
#include "ProgramRun.h"
#include "Session.h"
#include "process/CommandRunner.h"
#include "process/CommandWorkload.h"

#include <QtTest>

#include <csignal>
#include <cstring>
#include <thread>

using namespace crucible;

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

CommandSpec command(const QStringList& argv, double timeoutSeconds = 30)
{
    CommandSpec spec;
    spec.argv = argv;
    spec.timeoutSeconds = timeoutSeconds;
    return spec;
}

// Live (not zombie) processes whose process group is `group`, from /proc.
QList<int> liveMembersOf(qint64 group)
{
    QList<int> members;
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        const int pid = entry.toInt(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // "pid (comm) state ppid pgrp ...": comm may hold spaces, so split after the last ')'.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 2 && fields[2].toLongLong() == group && fields[0] != "Z")
            members << pid;
    }
    return members;
}

// Live processes whose command line contains `marker`.
int processesWith(const QByteArray& marker)
{
    int count = 0;
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().replace('\0', ' ').contains(marker))
            ++count;
    }
    return count;
}

ProgramRun runTool(const QStringList& args)
{
    return runProgram(args, QProcessEnvironment::systemEnvironment(), 120'000);
}

} // namespace

class TestCommands : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sleepIsTimedAroundTheChild();
    void peakRssIsTheChildsOwn_data();
    void peakRssIsTheChildsOwn();
    void workloadReadsTheExactPeakEveryTenthRun();
    void crashIsNamedBySignal();
    void exitCodes();
    void missingProgramIsNamed();
    void hungCommandIsKilledAtItsTimeout();
    void termIgnoredMeansKill();
    void leftoversInTheGroupAreKilled();
    void stopKillsQuickly();
    void gigabytesOnStdoutAreNotKept();
    void environmentDirectoryAndOutput();
    void commandWorkloadInASession();
    void failingPrepareAndCleanupRuns();
    void stopEndsALongPrepare();
    void suiteOfBadCommandsRunsTheRestAndExits3();
};

void TestCommands::sleepIsTimedAroundTheChild()
{
    // The 50-53 ms accuracy claim needs a quiet machine and many samples: it is shown by
    // benchmarks/compare_hyperfine.sh. Here only what must hold under any load.
    const CommandOutcome o = runCommand(command({QStringLiteral("sleep"), QStringLiteral("0.05")}));
    QCOMPARE(o.status, Status::Ok);
    QCOMPARE(o.exitCode, 0);
    QVERIFY2(o.wallNs >= 50e6, qPrintable(QString::number(o.wallNs)));
    QVERIFY2(o.wallNs < 1e9, qPrintable(QString::number(o.wallNs)));
    QVERIFY(o.userNs + o.sysNs < o.wallNs); // sleeping costs little CPU
    QVERIFY(o.pid > 0);
}

void TestCommands::peakRssIsTheChildsOwn_data()
{
    QTest::addColumn<bool>("exact");
    QTest::addColumn<int>("holdMs");
    // Exiting right after the last touch: only the exit stop sees the whole peak.
    QTest::newRow("exit stop") << true << 0;
    // Polling (the fallback without ptrace) needs the child to live a little past its peak.
    QTest::newRow("polled") << false << 100;
}

void TestCommands::peakRssIsTheChildsOwn()
{
    QFETCH(bool, exact);
    QFETCH(int, holdMs);
    // Make this process large first: a child's ru_maxrss would inherit this 300 MiB at exec.
    static std::vector<char> ballast;
    if (ballast.empty()) {
        ballast.resize(300u << 20);
        std::memset(ballast.data(), 1, ballast.size());
    }
    QVERIFY(ballast[12345] == 1);

    CommandSpec spec = command({QStringLiteral(ALLOC_TOUCH), QStringLiteral("100"), QString::number(holdMs)});
    spec.exactPeakMemory = exact;
    const CommandOutcome big = runCommand(spec);
    QCOMPARE(big.status, Status::Ok);
    const double mib = double(big.peakRssBytes) / kMiB;
    qInfo("alloc_touch 100 MiB (%s): peak RSS %.1f MiB", exact ? "exit stop" : "polled", mib);
    QVERIFY2(mib >= 100 && mib <= 140, qPrintable(QString::number(mib)));

    spec.argv = QStringList{QStringLiteral("true")};
    const CommandOutcome small = runCommand(spec);
    QVERIFY2(double(small.peakRssBytes) / kMiB < 20, qPrintable(QString::number(small.peakRssBytes)));
}

void TestCommands::workloadReadsTheExactPeakEveryTenthRun()
{
    // This process made large (as above): the child's ru_maxrss is then this process's floor,
    // and the 100 MiB child exits right after its last touch, so only the exit stop sees its
    // peak. The workload stops it at the 1st and 11th executions, which read the exact peak;
    // the peak of the samples is theirs.
    static std::vector<char> ballast(300u << 20, 1);
    QVERIFY(ballast[54321] == 1);
    CommandWorkload w(WorkloadInfo{QStringLiteral("cli.alloc"), Category::Cli},
                      command({QStringLiteral(ALLOC_TOUCH), QStringLiteral("100"), QStringLiteral("0")}));
    Samples samples;
    for (int i = 0; i < 12; ++i) {
        const std::optional<Sample> s = w.measureIteration({});
        QVERIFY(s);
        samples.push_back(*s);
    }
    for (const std::size_t traced : {std::size_t(0), std::size_t(10)}) {
        const double mib = double(samples[traced].rssBytes) / kMiB;
        QVERIFY2(mib >= 100 && mib <= 140, qPrintable(QStringLiteral("execution %1: %2 MiB").arg(traced).arg(mib)));
    }
    for (const Sample& s : samples)
        QVERIFY2(double(s.rssBytes) / kMiB <= 140, qPrintable(QString::number(s.rssBytes)));
}

void TestCommands::crashIsNamedBySignal()
{
    const CommandOutcome o =
        runCommand(command({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("kill -SEGV $$")}));
    QCOMPARE(o.status, Status::Crashed);
    QCOMPARE(o.signal, SIGSEGV);
    QCOMPARE(o.error, QStringLiteral("killed by SIGSEGV"));
}

void TestCommands::exitCodes()
{
    CommandSpec spec = command({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 3")});
    CommandOutcome o = runCommand(spec);
    QCOMPARE(o.status, Status::Failed);
    QCOMPARE(o.exitCode, 3);
    QCOMPARE(o.error, QStringLiteral("exit code 3"));

    spec.expectedExit = 3;
    QCOMPARE(runCommand(spec).status, Status::Ok);
    spec.expectedExit = std::nullopt; // any exit code
    QCOMPARE(runCommand(spec).status, Status::Ok);
    spec.expectedExit = 1;
    QCOMPARE(runCommand(spec).error, QStringLiteral("exit code 3 (expected 1)"));
}

void TestCommands::missingProgramIsNamed()
{
    const CommandOutcome o = runCommand(command({QStringLiteral("no-such-program-crucible")}));
    QCOMPARE(o.status, Status::Failed);
    QVERIFY2(o.error.contains(QLatin1String("'no-such-program-crucible'")), qPrintable(o.error));
    QTemporaryFile plain; // exists, but is not executable: exec itself fails
    QVERIFY(plain.open());
    const CommandOutcome notExecutable = runCommand(command({plain.fileName()}));
    QCOMPARE(notExecutable.status, Status::Failed);
    QVERIFY2(notExecutable.error.contains(plain.fileName()), qPrintable(notExecutable.error));
}

void TestCommands::hungCommandIsKilledAtItsTimeout()
{
    // A shell with two children: the whole group must go, not just the shell.
    const CommandOutcome o = runCommand(
        command({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("sleep 30 & sleep 30; wait")}, 0.3));
    QCOMPARE(o.status, Status::Timeout);
    QCOMPARE(o.error, QStringLiteral("timed out after 0.3 s"));
    // Not before the timeout; and long before the 30 s sleeps would have ended by themselves.
    QVERIFY2(o.wallNs >= 0.3e9 && o.wallNs < 10e9, qPrintable(QString::number(o.wallNs)));
    QTRY_VERIFY_WITH_TIMEOUT(liveMembersOf(o.pid).isEmpty(), 1000);
}

void TestCommands::termIgnoredMeansKill()
{
    // SIG_IGN survives exec, so sleep ignores SIGTERM too: only the SIGKILL after the grace ends it.
    const CommandOutcome o = runCommand(
        command({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("trap '' TERM; sleep 30")}, 0.2));
    QCOMPARE(o.status, Status::Timeout);
    QCOMPARE(o.signal, SIGKILL);
    QVERIFY2(o.wallNs < 10e9, qPrintable(QString::number(o.wallNs))); // not the 30 s sleep's end
    QTRY_VERIFY_WITH_TIMEOUT(liveMembersOf(o.pid).isEmpty(), 1000);
}

void TestCommands::leftoversInTheGroupAreKilled()
{
    const CommandOutcome o =
        runCommand(command({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("sleep 30 & exit 0")}));
    QCOMPARE(o.status, Status::Ok);
    QTRY_VERIFY_WITH_TIMEOUT(liveMembersOf(o.pid).isEmpty(), 1000);
}

void TestCommands::stopKillsQuickly()
{
    std::stop_source stop;
    CommandOutcome o;
    std::thread runner([&] {
        o = runCommand(command({QStringLiteral("sleep"), QStringLiteral("30")}), stop.get_token());
    });
    QTest::qWait(200);
    stop.request_stop();
    runner.join();
    // The kill was sent: `sleep 30` ended long before its time (~10 ms after the stop when quiet;
    // the latency is a benchmark's figure, not a test's).
    QVERIFY2(o.wallNs < 10e9, qPrintable(QString::number(o.wallNs)));
    QVERIFY(o.stopped);
    QCOMPARE(o.status, Status::Failed);
    QTRY_VERIFY_WITH_TIMEOUT(liveMembersOf(o.pid).isEmpty(), 1000);
}

// A command that writes a gigabyte to stdout: its output goes to /dev/null, not into this
// process's memory, and the run is not slowed to a crawl by a pipe nobody reads.
void TestCommands::gigabytesOnStdoutAreNotKept()
{
    const std::int64_t before = currentRssBytes();
    const CommandOutcome o = runCommand(command(
        {QStringLiteral("head"), QStringLiteral("-c"), QStringLiteral("1000000000"), QStringLiteral("/dev/zero")}, 60));
    QCOMPARE(o.status, Status::Ok);
    QVERIFY2(currentRssBytes() - before < (64 << 20),
             qPrintable(QStringLiteral("%1 -> %2 bytes resident").arg(before).arg(currentRssBytes())));
}

void TestCommands::environmentDirectoryAndOutput()
{
    QTemporaryDir dir;
    CommandSpec spec = command(
        {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo \"$CRUCIBLE_X\"; pwd; echo oops >&2")});
    spec.environment.insert(QStringLiteral("CRUCIBLE_X"), QStringLiteral("forty two"));
    spec.workingDirectory = dir.path();
    spec.stdoutPath = dir.filePath(QStringLiteral("out.txt"));
    spec.stderrPath = dir.filePath(QStringLiteral("err.txt"));
    QCOMPARE(runCommand(spec).status, Status::Ok);
    QFile out(spec.stdoutPath);
    QVERIFY(out.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(out.readAll()), QStringLiteral("forty two\n%1\n").arg(QDir(dir.path()).canonicalPath()));
    QFile err(spec.stderrPath);
    QVERIFY(err.open(QIODevice::ReadOnly));
    QCOMPARE(err.readAll(), QByteArray("oops\n"));
}

void TestCommands::commandWorkloadInASession()
{
    SessionPlan plan;
    plan.settings = {0.0, 0.01, 5, 0};
    plan.workloads.push_back(
        std::make_unique<CommandWorkload>(WorkloadInfo{QStringLiteral("cli.sleep"), Category::Cli},
                                          command({QStringLiteral("sleep"), QStringLiteral("0.02")})));
    plan.workloads.push_back(std::make_unique<CommandWorkload>(
        WorkloadInfo{QStringLiteral("cli.crash"), Category::Cli},
        command({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("kill -ABRT $$")})));
    plan.workloads.push_back(std::make_unique<CommandWorkload>(WorkloadInfo{QStringLiteral("cli.true"), Category::Cli},
                                                               command({QStringLiteral("true")})));
    Session session(std::move(plan));
    QSignalSpy finished(&session, &Session::finished);
    session.start();
    QVERIFY(finished.wait(30'000));
    const auto run = finished.first().first().value<RunResult>();
    QCOMPARE(run.results.size(), std::size_t(3));

    const Result& sleep = run.results[0];
    QCOMPARE(sleep.status, Status::Ok);
    QCOMPARE(sleep.samples.size(), std::size_t(5));
    for (const Sample& s : sleep.samples) {
        QCOMPARE(s.iterations, std::uint64_t(1)); // one execution per sample, no calibration
        QVERIFY(s.elapsedNs >= 20e6);
        QVERIFY(s.rssBytes > 0 && s.rssBytes < 50 * kMiB); // the child's, not this process's
    }
    QVERIFY(sleep.summary.median >= 20e6);
    QVERIFY(sleep.userNs + sleep.sysNs > 0);
    QVERIFY(sleep.info.description.contains(QLatin1String("sleep 0.02")));

    QCOMPARE(run.results[1].status, Status::Crashed);
    QCOMPARE(run.results[1].error, QStringLiteral("killed by SIGABRT"));
    QCOMPARE(run.results[2].status, Status::Ok);
    QVERIFY(run.anyFailed());
}

void TestCommands::failingPrepareAndCleanupRuns()
{
    QTemporaryDir dir;
    const QString marker = dir.filePath(QStringLiteral("prepared"));
    const QString ran = dir.filePath(QStringLiteral("ran"));
    SessionPlan plan;
    plan.settings = {0.0, 0.01, 2, 0};
    // Prepare makes a file the command needs; the command fails; cleanup must still remove it.
    plan.workloads.push_back(std::make_unique<CommandWorkload>(
        WorkloadInfo{QStringLiteral("x.fails")},
        command({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("test -f '%1' && exit 7").arg(marker)}),
        command({QStringLiteral("touch"), marker}), command({QStringLiteral("rm"), marker})));
    // A failing prepare: the command never runs.
    plan.workloads.push_back(std::make_unique<CommandWorkload>(WorkloadInfo{QStringLiteral("x.unprepared")},
                                                               command({QStringLiteral("touch"), ran}),
                                                               command({QStringLiteral("false")})));
    Session session(std::move(plan));
    QSignalSpy finished(&session, &Session::finished);
    session.start();
    QVERIFY(finished.wait(30'000));
    const auto run = finished.first().first().value<RunResult>();
    QCOMPARE(run.results[0].status, Status::Failed);
    QCOMPARE(run.results[0].error, QStringLiteral("exit code 7"));
    QVERIFY2(!QFile::exists(marker), "cleanup runs after a failed measurement");
    QCOMPARE(run.results[1].status, Status::Failed);
    QVERIFY2(run.results[1].error.startsWith(QLatin1String("prepare command (false): exit code 1")),
             qPrintable(run.results[1].error));
    QVERIFY(!QFile::exists(ran));
}

void TestCommands::stopEndsALongPrepare()
{
    // A suite's prepare step (a build, a data set) can take minutes: Stop must not wait for it.
    // Cleanup still runs, and the command itself never does.
    QTemporaryDir dir;
    const QString ran = dir.filePath(QStringLiteral("ran"));
    const QString cleaned = dir.filePath(QStringLiteral("cleaned"));
    SessionPlan plan;
    plan.settings = {0.0, 0.01, 2, 0};
    plan.workloads.push_back(std::make_unique<CommandWorkload>(
        WorkloadInfo{QStringLiteral("x.slow_prepare")}, command({QStringLiteral("touch"), ran}),
        command({QStringLiteral("sleep"), QStringLiteral("30")}), command({QStringLiteral("touch"), cleaned})));
    Session session(std::move(plan));
    QSignalSpy started(&session, &Session::workloadStarted);
    QSignalSpy finished(&session, &Session::finished);
    session.start();
    QVERIFY(started.wait(10'000));
    QTest::qWait(200); // inside the prepare's sleep
    QElapsedTimer timer;
    timer.start();
    session.stop();
    QVERIFY(finished.wait(10'000));
    // ~10 ms when quiet; before prepare could be stopped this took the whole 30 s.
    QVERIFY2(timer.elapsed() < 5'000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(finished.first().first().value<RunResult>().cancelled);
    QVERIFY(QFile::exists(cleaned));
    QVERIFY(!QFile::exists(ran));
}

void TestCommands::suiteOfBadCommandsRunsTheRestAndExits3()
{
    QTemporaryDir dir;
    const QString suitePath = dir.filePath(QStringLiteral("bad-commands.json"));
    QFile suite(suitePath);
    QVERIFY(suite.open(QIODevice::WriteOnly));
    // 31.4159: a sleep no one else runs, to find leftovers by their command line.
    suite.write(R"({
      "name": "bad-commands",
      "defaults": { "timeout_s": 0.3 },
      "workloads": [
        { "id": "cli.ok", "command": ["true"] },
        { "id": "cli.hung", "command": ["sh", "-c", "sleep 31.4159 & sleep 31.4159"] },
        { "id": "cli.crash", "command": ["sh", "-c", "kill -SEGV $$"] },
        { "id": "cli.exit3", "command": ["sh", "-c", "exit 3"] },
        { "id": "architecture.errors.values" },
        { "id": "cli.last", "command": ["sleep", "0.001"] }
      ]
    })");
    suite.close();
    const QString out = dir.filePath(QStringLiteral("out"));
    const ProgramRun r =
        runTool({QStringLiteral("--headless"), QStringLiteral("--suite"), suitePath, QStringLiteral("--sample-size"),
                 QStringLiteral("3"), QStringLiteral("--warm-up-time"), QStringLiteral("0"),
                 QStringLiteral("--measurement-time"), QStringLiteral("0.01"), QStringLiteral("--format"),
                 QStringLiteral("json"), QStringLiteral("--output-dir"), out});
    QVERIFY2(r.exitCode == 3, r.err.constData());

    QFile resultsFile(QDir(out).filePath(QStringLiteral("results.json")));
    QVERIFY(resultsFile.open(QIODevice::ReadOnly));
    const QJsonObject results = QJsonDocument::fromJson(resultsFile.readAll()).object();
    QCOMPARE(results[QStringLiteral("run")][QStringLiteral("suite")].toString(), QStringLiteral("bad-commands"));
    QMap<QString, QJsonObject> byId;
    for (const QJsonValue& w : results[QStringLiteral("workloads")].toArray())
        byId[w[QStringLiteral("id")].toString()] = w.toObject();
    QCOMPARE(byId.size(), 6);
    const QList<std::pair<QString, QString>> expected{
        {QStringLiteral("cli.ok"), QStringLiteral("ok")},
        {QStringLiteral("cli.hung"), QStringLiteral("timeout")},
        {QStringLiteral("cli.crash"), QStringLiteral("crashed")},
        {QStringLiteral("cli.exit3"), QStringLiteral("failed")},
        {QStringLiteral("architecture.errors.values"), QStringLiteral("ok")},
        {QStringLiteral("cli.last"), QStringLiteral("ok")}};
    for (const auto& [id, status] : expected)
        QVERIFY2(byId[id][QStringLiteral("status")].toString() == status, qPrintable(id));
    QCOMPARE(byId[QStringLiteral("cli.crash")][QStringLiteral("error")].toString(),
             QStringLiteral("killed by SIGSEGV"));
    QCOMPARE(byId[QStringLiteral("cli.exit3")][QStringLiteral("error")].toString(), QStringLiteral("exit code 3"));
    QCOMPARE(byId[QStringLiteral("cli.hung")][QStringLiteral("error")].toString(),
             QStringLiteral("timed out after 0.3 s"));
    QCOMPARE(byId[QStringLiteral("cli.ok")][QStringLiteral("category")].toString(), QStringLiteral("cli"));
    QCOMPARE(byId[QStringLiteral("cli.last")][QStringLiteral("samples")].toInt(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(processesWith("31.4159"), 0, 1000);
}

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
