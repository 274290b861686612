// Faults on purpose: the real crucible-bench writing its reports and its history on a disk
// that is full, or fills up while it runs, and recording into a PostgreSQL server that stops in
// the middle of a run. Each ends with a message naming the cause, the exit code SPEC.md gives
// it, no half-written file, and every earlier run still in the store.
// The full disk is a small tmpfs: mounting one needs root (CI runs as root); elsewhere the
// tests skip, saying so.
#include "ProgramRun.h"
#include "history/HistoryStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace crucible;

namespace {

// A tmpfs of `kiB` mounted on a fresh directory for as long as the object lives.
class SmallDisk {
public:
    explicit SmallDisk(int kiB)
    {
        if (!m_dir.isValid())
            return;
        QProcess mount;
        mount.start(QStringLiteral("mount"),
                    {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                     QStringLiteral("size=%1k").arg(kiB), QStringLiteral("tmpfs"), m_dir.path()});
        m_mounted = mount.waitForFinished() && mount.exitStatus() == QProcess::NormalExit && mount.exitCode() == 0;
        m_why = QString::fromLocal8Bit(mount.readAllStandardError()).trimmed();
    }
    ~SmallDisk()
    {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_dir.path()});
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    bool mounted() const { return m_mounted; }
    QString why() const { return m_why.isEmpty() ? QStringLiteral("mount failed") : m_why; }
    QString path(const QString& name = {}) const { return name.isEmpty() ? m_dir.path() : m_dir.filePath(name); }
    // Fills what is left with one file, `fill`, and returns whether the disk is now full.
    bool fill() const
    {
        QFile f(path(QStringLiteral("fill")));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return false;
        const QByteArray block(4096, 'x');
        while (f.write(block) == block.size()) { }
        return true;
    }
    void unfill() const { QFile::remove(path(QStringLiteral("fill"))); }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    QString m_why;
};

#define REQUIRE_SMALL_DISK(disk)                                                                                       \
    if (!(disk).mounted())                                                                                             \
    QSKIP(qPrintable(QStringLiteral("needs a tmpfs of its own (run as root, as CI does): %1").arg((disk).why())))

qsizetype storedRuns(const QString& db)
{
    const auto store = HistoryStore::open(db);
    if (!store)
        return -1;
    const auto runs = (*store)->runs({});
    return runs ? qsizetype(runs->size()) : -1;
}

// A throwaway PostgreSQL server (packaging/test-postgres.sh) for as long as the object lives.
class PostgresServer {
public:
    PostgresServer()
    {
        if (!m_dir.isValid())
            return;
        QProcess start;
        start.start(script(), {QStringLiteral("start"), m_dir.path()});
        m_started =
            start.waitForFinished(120'000) && start.exitStatus() == QProcess::NormalExit && start.exitCode() == 0;
        m_url = QString::fromLocal8Bit(start.readAllStandardOutput()).trimmed();
        m_why = QString::fromLocal8Bit(start.readAllStandardError()).trimmed();
    }
    ~PostgresServer()
    {
        if (m_started)
            QProcess::execute(script(), {QStringLiteral("stop"), m_dir.path()});
    }
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    bool started() const { return m_started; }
    QString why() const { return m_why; }
    QString url() const { return m_url; }
    // The commands that stop it and start it again, as a user's command would.
    QString stopCommand() const { return QStringLiteral("%1 stop %2").arg(script(), m_dir.path()); }
    QString resumeCommand() const { return QStringLiteral("%1 resume %2").arg(script(), m_dir.path()); }

private:
    static QString script() { return QStringLiteral(CRUCIBLE_SOURCE_DIR "/packaging/test-postgres.sh"); }
    QTemporaryDir m_dir;
    bool m_started = false;
    QString m_url;
    QString m_why;
};

// The files a run leaves in `dir`, beside the disk's own `fill`.
QStringList leftIn(const QString& dir)
{
    QStringList names = QDir(dir).entryList(QDir::Files | QDir::Hidden);
    names.removeAll(QStringLiteral("fill"));
    return names;
}

} // namespace

class TestFaults : public QObject {
    Q_OBJECT
private slots:
    void reportsOnAFullDisk();
    void recordingWhenTheDiskFillsDuringTheRun();
    void storeOnAFullDisk();
    void postgresqlStoppedOrRestartedDuringARun();
};

void TestFaults::reportsOnAFullDisk()
{
    const SmallDisk disk(256);
    REQUIRE_SMALL_DISK(disk);
    // Room for the small text reports, not for the PDF: the first write that fails stops the rest.
    QVERIFY(disk.fill());
    QFile fill(disk.path(QStringLiteral("fill")));
    QVERIFY(fill.resize(fill.size() - qint64(24) * 1024));
    const ProgramRun run =
        runProgram({QStringLiteral("--headless"), QStringLiteral("--no-history"), QStringLiteral("-c"),
                    QStringLiteral("true"), QStringLiteral("--runs"), QStringLiteral("3"), QStringLiteral("--format"),
                    QStringLiteral("json,csv,md,pdf"), QStringLiteral("--output-dir"), disk.path()});
    QVERIFY2(run.exitCode == 1, run.err.constData());
    // Qt's words for it were "Unknown error".
    const QRegularExpressionMatch failed =
        QRegularExpression(QStringLiteral("cannot write '([^']+)': No space left on device"))
            .match(QString::fromLocal8Bit(run.err));
    QVERIFY2(failed.hasMatch(), run.err.constData());
    // What was written is whole; what was not is not there at all (no temporary file, no stub).
    const QStringList left = leftIn(disk.path());
    QVERIFY2(!left.contains(QFileInfo(failed.captured(1)).fileName()), qPrintable(left.join(u' ')));
    for (const QString& name : left) {
        QVERIFY2(QStringList({QStringLiteral("results.json"), QStringLiteral("summary.csv"),
                              QStringLiteral("samples.csv"), QStringLiteral("summary.md")})
                     .contains(name),
                 qPrintable(name));
    }
    QVERIFY2(left.contains(QStringLiteral("results.json")), qPrintable(left.join(u' ')));
    QFile json(disk.path(QStringLiteral("results.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    QVERIFY(QJsonDocument::fromJson(json.readAll()).isObject());
}

void TestFaults::recordingWhenTheDiskFillsDuringTheRun()
{
    const SmallDisk disk(2048);
    REQUIRE_SMALL_DISK(disk);
    const QTemporaryDir out;
    const QString db = disk.path(QStringLiteral("history.sqlite"));
    const auto runCommand = [&](const QString& command) {
        return runProgram({QStringLiteral("--headless"), QStringLiteral("--db"), db, QStringLiteral("-c"), command,
                           QStringLiteral("--runs"), QStringLiteral("1"), QStringLiteral("--warmup"),
                           QStringLiteral("0"), QStringLiteral("--format"), QStringLiteral("json"),
                           QStringLiteral("--output-dir"), out.path()});
    };
    const ProgramRun first = runCommand(QStringLiteral("true"));
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QCOMPARE(storedRuns(db), 1);

    // The measured command itself fills the disk, after the store was opened and checked.
    const QString filler =
        QStringLiteral("sh -c 'dd if=/dev/zero of=%1 bs=4k 2>/dev/null; true'").arg(disk.path(QStringLiteral("fill")));
    const ProgramRun full = runCommand(filler);
    QVERIFY2(full.exitCode == 1, full.err.constData());
    QVERIFY2(full.err.contains("database or disk is full"), full.err.constData());
    QVERIFY2(full.err.contains("nothing of it was recorded"), full.err.constData());
    // The results are kept where there was room, and the store has what it had.
    QVERIFY(QFile::exists(QDir(out.path()).filePath(QStringLiteral("results.json"))));
    disk.unfill();
    QCOMPARE(storedRuns(db), 1);

    // With room again, the next run records and the store works as before.
    const ProgramRun after = runCommand(QStringLiteral("true"));
    QVERIFY2(after.exitCode == 0, after.err.constData());
    QCOMPARE(storedRuns(db), 2);
}

void TestFaults::storeOnAFullDisk()
{
    const SmallDisk disk(1024);
    REQUIRE_SMALL_DISK(disk);
    const QTemporaryDir out;
    const QString db = disk.path(QStringLiteral("history.sqlite"));
    const QStringList args{QStringLiteral("--headless"),
                           QStringLiteral("--db"),
                           db,
                           QStringLiteral("-c"),
                           QStringLiteral("true"),
                           QStringLiteral("--runs"),
                           QStringLiteral("1"),
                           QStringLiteral("--format"),
                           QStringLiteral("json"),
                           QStringLiteral("--output-dir"),
                           out.path()};
    QCOMPARE(runProgram(args).exitCode, 0);
    QVERIFY(disk.fill());
    // SQLite's own words were "disk I/O error Unable to execute statement". The store cannot
    // be used, so nothing is measured (an unusable --db is an input error, exit 2).
    const ProgramRun refused = runProgram(args);
    QVERIFY2(refused.exitCode == 2, refused.err.constData());
    QVERIFY2(refused.err.contains(
                 QStringLiteral("cannot write %1: the file system at %2 is full").arg(db, disk.path()).toLocal8Bit()),
             refused.err.constData());
    QVERIFY2(refused.err.contains("the store was left as it was"), refused.err.constData());
    disk.unfill();
    QCOMPARE(storedRuns(db), 1);
}

void TestFaults::postgresqlStoppedOrRestartedDuringARun()
{
    // The real program against a real server: where the history tests (tst_history) use the
    // store in-process, this is what a team's CI does with --db postgresql://….
    const PostgresServer server;
    if (!server.started()) {
        // With a server promised (packaging/quickstart.sh test, CI), not starting one is a failure.
        if (!qEnvironmentVariableIsEmpty("CRUCIBLE_TEST_PG_URL"))
            QFAIL(qPrintable(QStringLiteral("cannot start a PostgreSQL server: %1").arg(server.why())));
        QSKIP(qPrintable(QStringLiteral("no PostgreSQL server (Debian package postgresql): %1").arg(server.why())));
    }
    const QTemporaryDir out;
    const auto runCommand = [&](const QString& command) {
        return runProgram({QStringLiteral("--headless"), QStringLiteral("--db"), server.url(), QStringLiteral("-c"),
                           command, QStringLiteral("--runs"), QStringLiteral("1"), QStringLiteral("--warmup"),
                           QStringLiteral("0"), QStringLiteral("--format"), QStringLiteral("json"),
                           QStringLiteral("--output-dir"), out.path()});
    };
    const ProgramRun first = runCommand(QStringLiteral("true"));
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QVERIFY2((first.out + first.err).contains("Recorded as run"), first.err.constData());
    QCOMPARE(storedRuns(server.url()), 1);

    // The server restarts while the run measures: the connection opened before is dead, a new
    // one compares and records (before, "comparing with the history failed: … no connection").
    const ProgramRun restarted =
        runCommand(QStringLiteral("sh -c '%1 && %2'").arg(server.stopCommand(), server.resumeCommand()));
    QVERIFY2(restarted.exitCode == 0, restarted.err.constData());
    QVERIFY2(!restarted.err.contains("failed"), restarted.err.constData());
    QCOMPARE(storedRuns(server.url()), 2);

    // The measured command stops the server: the store was opened and checked before it.
    const ProgramRun stopped = runCommand(server.stopCommand());
    QVERIFY2(stopped.exitCode == 1, stopped.err.constData());
    QVERIFY2(stopped.err.contains(server.url().toLocal8Bit()) || stopped.err.contains("127.0.0.1"),
             stopped.err.constData());
    QVERIFY2(stopped.err.contains("cannot reach it: connection to server at"), stopped.err.constData());
    QVERIFY2(stopped.err.contains("nothing of this run was recorded"), stopped.err.constData());
    // Qt's own warnings ("QSqlQuery::exec: database not open") tell a user nothing.
    QVERIFY2(!stopped.err.contains("QSqlQuery"), stopped.err.constData());
    QVERIFY(QFile::exists(QDir(out.path()).filePath(QStringLiteral("results.json"))));

    // Back up: the earlier run is there, and the next run records and compares with it.
    QVERIFY(QProcess::execute(QStringLiteral("sh"), {QStringLiteral("-c"), server.resumeCommand()}) == 0);
    QCOMPARE(storedRuns(server.url()), 2);
    const ProgramRun after = runCommand(QStringLiteral("true"));
    QVERIFY2(after.exitCode == 0, after.err.constData());
    QCOMPARE(storedRuns(server.url()), 3);
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
