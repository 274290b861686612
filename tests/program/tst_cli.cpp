// The headless command line, run as users run it: the real binary in a QProcess.
#include "CsvReader.h"
#include "ProgramRun.h"
#include "PseudoTerminal.h"

#include <QtTest>

#include <csignal>
#include <sys/types.h>

namespace {

using Outcome = ProgramRun;

Outcome runTool(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    return runProgram(args, env, 120'000);
}

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

std::vector<QStringList> readCsv(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return readCsvStrict(QString::fromUtf8(f.readAll())).value_or(std::vector<QStringList>{});
}

// Fast settings for runs whose numbers do not matter here.
const QStringList kFast{QStringLiteral("--warm-up-time"), QStringLiteral("0.01"), QStringLiteral("--measurement-time"),
                        QStringLiteral("0.02")};

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void versionAndHelp();
    void usageErrorsExit2_data();
    void usageErrorsExit2();
    void listJsonShowsArchitecturePairs();
    void listOfAFilterThatMatchesNothingIsAUsageError();
    void quickCheckFilesAgree();
    void sampleSizeFromEnvironment();
    void flagBeatsEnvironment();
    void filtersSelect_data();
    void filtersSelect();
    void compareTwoRuns();
    void progressFitsANarrowTerminal();
    void gatesThatCannotFailSaySo();
    void largeScansAskForYes();
    void signalsKeepFinishedWorkloads_data();
    void signalsKeepFinishedWorkloads();
    void interruptedConfirmationExits130();
};

void TestCli::versionAndHelp()
{
    const Outcome v = runTool({QStringLiteral("--version")});
    QCOMPARE(v.exitCode, 0);
    QVERIFY(v.out.startsWith("crucible-bench "));
    const Outcome h = runTool({QStringLiteral("--help")});
    QCOMPARE(h.exitCode, 0);
    for (const char* flag : {"--headless", "--quick-check", "--sample-size", "--output-dir", "--list", "--import",
                             "--force", "Exit codes"})
        QVERIFY2(h.out.contains(flag), flag);
}

void TestCli::usageErrorsExit2_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("mentions");
    QTest::newRow("unknown flag") << QStringList{QStringLiteral("--headless"), QStringLiteral("--frobnicate")}
                                  << QByteArray("frobnicate");
    QTest::newRow("misspelt flag") << QStringList{QStringLiteral("--headles"), QStringLiteral("--quick-check")}
                                   << QByteArray("unknown option --headles; did you mean --headless?");
    QTest::newRow("bad sample size") << QStringList{QStringLiteral("--headless"), QStringLiteral("--sample-size"),
                                                    QStringLiteral("zero")}
                                     << QByteArray("--sample-size");
    QTest::newRow("bad time") << QStringList{QStringLiteral("--headless"), QStringLiteral("--warm-up-time"),
                                             QStringLiteral("-1")}
                              << QByteArray("--warm-up-time");
    QTest::newRow("bad format") << QStringList{QStringLiteral("--headless"), QStringLiteral("--format"),
                                               QStringLiteral("json,xls")}
                                << QByteArray("xls");
    QTest::newRow("no match") << QStringList{QStringLiteral("--headless"), QStringLiteral("no_such_workload")}
                              << QByteArray("no_such_workload");
    QTest::newRow("bad regex") << QStringList{QStringLiteral("--headless"), QStringLiteral("re:(")}
                               << QByteArray("re:(");
    QTest::newRow("force without import") << QStringList{QStringLiteral("--headless"), QStringLiteral("--force")}
                                          << QByteArray("--force applies to --import only");
    QTest::newRow("compare one file") << QStringList{QStringLiteral("--compare"), QStringLiteral("a.json")}
                                      << QByteArray("--compare");
    QTest::newRow("compare missing") << QStringList{QStringLiteral("--compare"), QStringLiteral("/nonexistent/a.json"),
                                                    QStringLiteral("/nonexistent/b.json")}
                                     << QByteArray("/nonexistent/a.json");
}

void TestCli::usageErrorsExit2()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, mentions);
    QTemporaryDir dir;
    const Outcome o = runTool(args + QStringList{QStringLiteral("--output-dir"), dir.path()});
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(mentions), o.err.constData());
    QVERIFY2(QDir(dir.path()).entryList(QDir::Files).isEmpty(), "nothing may be written on a usage error");
}

void TestCli::listJsonShowsArchitecturePairs()
{
    const Outcome o = runTool({QStringLiteral("--list"), QStringLiteral("--json"), QStringLiteral("architecture")});
    QCOMPARE(o.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(o.out).array();
    QCOMPARE(list.size(), 10);
    QSet<QString> ids;
    for (const QJsonValue& v : list)
        ids.insert(v[QStringLiteral("id")].toString());
    for (const QJsonValue& v : list) {
        QCOMPARE(v[QStringLiteral("category")].toString(), QStringLiteral("architecture"));
        QVERIFY(!v[QStringLiteral("description")].toString().isEmpty());
        QVERIFY2(ids.contains(v[QStringLiteral("paired_with")].toString()), "each side names its partner");
    }
    QVERIFY(ids.contains(QStringLiteral("architecture.tool_exec.layered")));
    QVERIFY(ids.contains(QStringLiteral("architecture.tool_exec.direct")));
}

void TestCli::quickCheckFilesAgree()
{
    QTemporaryDir dir;
    const Outcome o = runTool({QStringLiteral("--headless"), QStringLiteral("--quick-check"),
                               QStringLiteral("architecture"), QStringLiteral("--output-dir"), dir.path()});
    QVERIFY2(o.exitCode == 0, o.err.constData());

    const QJsonObject results = readJson(dir.filePath(QStringLiteral("results.json")));
    QCOMPARE(results[QStringLiteral("schema")].toString(), QStringLiteral("crucible-bench/1"));
    const QJsonObject run = results[QStringLiteral("run")].toObject();
    for (const char* key : {"start_time", "end_time", "host", "cpu", "os", "suite", "settings"})
        QVERIFY2(run.contains(QLatin1String(key)), key);
    const QJsonArray workloads = results[QStringLiteral("workloads")].toArray();
    QCOMPARE(workloads.size(), 10);

    const std::vector<QStringList> summary = readCsv(dir.filePath(QStringLiteral("summary.csv")));
    const std::vector<QStringList> samples = readCsv(dir.filePath(QStringLiteral("samples.csv")));
    QCOMPARE(int(summary.size()), 1 + workloads.size());
    QCOMPARE(summary[0],
             QStringList({"id",
                          "category",
                          "status",
                          "samples",
                          "mean",
                          "median",
                          "stddev",
                          "min",
                          "max",
                          "p90",
                          "p99",
                          "ci95_low",
                          "ci95_high",
                          "unit",
                          "peak_rss_bytes",
                          "change_pct",
                          "p_value",
                          "verdict",
                          "judged_change_pct",
                          "basis",
                          "noise_pct",
                          "unstable_at_sample",
                          "explanation"}));
    QCOMPARE(samples[0],
             QStringList({"id", "sample", "iterations", "time_ns", "rss_bytes", "round", "reference_ns", "started_s"}));

    int sampleRow = 1;
    for (int w = 0; w < workloads.size(); ++w) {
        const QJsonObject r = workloads[w].toObject();
        for (const char* key : {"id",
                                "category",
                                "description",
                                "status",
                                "error",
                                "unit",
                                "samples",
                                "iterations",
                                "mean",
                                "median",
                                "stddev",
                                "mad",
                                "cv",
                                "min",
                                "max",
                                "p90",
                                "p99",
                                "ci95",
                                "outliers",
                                "throughput_per_s",
                                "peak_rss_bytes",
                                "user_ns",
                                "sys_ns",
                                "sample_values",
                                "baseline"})
            QVERIFY2(r.contains(QLatin1String(key)), key);
        QCOMPARE(r[QStringLiteral("status")].toString(), QStringLiteral("ok"));
        const QStringList row = summary[w + 1];
        QCOMPARE(row[0], r[QStringLiteral("id")].toString());
        QCOMPARE(row[3].toInt(), r[QStringLiteral("samples")].toInt());
        QCOMPARE(row[5].toDouble(), r[QStringLiteral("median")].toDouble());
        QVERIFY(qFuzzyCompare(row[4].toDouble(), r[QStringLiteral("mean")].toDouble()));
        const QJsonArray values = r[QStringLiteral("sample_values")].toArray();
        QCOMPARE(values.size(), r[QStringLiteral("samples")].toInt());
        QVERIFY(r[QStringLiteral("min")].toDouble() <= r[QStringLiteral("median")].toDouble());
        QVERIFY(r[QStringLiteral("ci95")].toArray()[0].toDouble() <= r[QStringLiteral("median")].toDouble());
        for (int s = 0; s < values.size(); ++s, ++sampleRow) {
            const QStringList srow = samples.at(sampleRow);
            QCOMPARE(srow[0], r[QStringLiteral("id")].toString());
            QCOMPARE(srow[1].toInt(), s);
            QVERIFY(qFuzzyCompare(srow[3].toDouble(), values[s].toDouble()));
            QVERIFY(srow[4].toLongLong() > 0);
        }
    }
    QCOMPARE(sampleRow, int(samples.size()));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("summary.md"))));
}

void TestCli::sampleSizeFromEnvironment()
{
    QTemporaryDir dir;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CRITERION_SAMPLE_SIZE"), QStringLiteral("7"));
    env.insert(QStringLiteral("CRITERION_OUTPUT_DIR"), dir.path());
    env.remove(QStringLiteral("XDG_RUNTIME_DIR")); // as root in CI: Qt's notice must not reach the user
    const Outcome o =
        runTool(QStringList{QStringLiteral("--headless"), QStringLiteral("architecture.tool_exec")} + kFast, env);
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QVERIFY2(!o.err.contains("QStandardPaths"), o.err.constData()); // the PDF was drawn, Qt kept quiet
    // The default suite's four claims on other workloads are skipped for one reason, said once.
    QVERIFY2(o.err.contains("skipped      4 claims: not selected in this run"), o.err.constData());
    QCOMPARE(o.err.count("not selected in this run"), 1);
    const QJsonArray workloads =
        readJson(dir.filePath(QStringLiteral("results.json")))[QStringLiteral("workloads")].toArray();
    QCOMPARE(workloads.size(), 2);
    for (const QJsonValue& w : workloads)
        QCOMPARE(w[QStringLiteral("samples")].toInt(), 7);

    env.insert(QStringLiteral("CRITERION_SAMPLE_SIZE"), QStringLiteral("many"));
    const Outcome bad = runTool({QStringLiteral("--headless")}, env);
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains("CRITERION_SAMPLE_SIZE"));
}

void TestCli::flagBeatsEnvironment()
{
    QTemporaryDir dir;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CRITERION_SAMPLE_SIZE"), QStringLiteral("7"));
    env.insert(QStringLiteral("CRITERION_ITERATIONS"), QStringLiteral("3"));
    const Outcome o = runTool(QStringList{QStringLiteral("--headless"), QStringLiteral("errors.values"),
                                          QStringLiteral("--sample-size"), QStringLiteral("4"),
                                          QStringLiteral("--output-dir"), dir.path()}
                                  + kFast,
                              env);
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const QJsonObject r =
        readJson(dir.filePath(QStringLiteral("results.json")))[QStringLiteral("workloads")].toArray()[0].toObject();
    QCOMPARE(r[QStringLiteral("samples")].toInt(), 4);
    QCOMPARE(r[QStringLiteral("iterations")].toInt(), 4 * 3); // CRITERION_ITERATIONS applies: no flag for it
}

void TestCli::filtersSelect_data()
{
    QTest::addColumn<QStringList>("filters");
    QTest::addColumn<int>("count");
    QTest::newRow("category") << QStringList{QStringLiteral("architecture")} << 10;
    QTest::newRow("substring") << QStringList{QStringLiteral("architecture.tool_exec")} << 2;
    QTest::newRow("union") << QStringList{QStringLiteral("architecture.tool_exec"), QStringLiteral("alloc")} << 4;
    QTest::newRow("regex") << QStringList{QStringLiteral("re:\\.(direct|typed)$")} << 2;
}

void TestCli::filtersSelect()
{
    QFETCH(QStringList, filters);
    QFETCH(int, count);
    const Outcome o = runTool(QStringList{QStringLiteral("--list"), QStringLiteral("--json")} + filters);
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(o.out).array().size(), count);
}

void TestCli::listOfAFilterThatMatchesNothingIsAUsageError()
{
    // As a run with the same filter: exit 2 and the filter named, not an empty list and exit 0.
    const Outcome o = runTool({QStringLiteral("--list"), QStringLiteral("zzz")});
    QCOMPARE(o.exitCode, 2);
    QVERIFY(o.out.isEmpty());
    QVERIFY2(o.err.contains("no workload matches zzz"), o.err.constData());
}

void TestCli::compareTwoRuns()
{
    QTemporaryDir a;
    QTemporaryDir b;
    for (const QTemporaryDir* d : {&a, &b}) {
        const Outcome o = runTool(QStringList{QStringLiteral("--headless"), QStringLiteral("architecture.tool_exec"),
                                              QStringLiteral("--sample-size"), QStringLiteral("10"),
                                              QStringLiteral("--output-dir"), d->path()}
                                  + kFast);
        QVERIFY2(o.exitCode == 0, o.err.constData());
    }
    const Outcome o = runTool({QStringLiteral("--compare"), a.filePath(QStringLiteral("results.json")),
                               b.filePath(QStringLiteral("results.json")), QStringLiteral("--json")});
    QCOMPARE(o.exitCode, 0);
    const QJsonArray rows = QJsonDocument::fromJson(o.out).array();
    QCOMPARE(rows.size(), 2);
    for (const QJsonValue& row : rows) {
        for (const char* key : {"id", "a_median", "b_median", "change_pct", "p_value", "verdict"})
            QVERIFY2(row.toObject().contains(QLatin1String(key)), key);
        const double p = row[QStringLiteral("p_value")].toDouble();
        QVERIFY(p >= 0 && p <= 1);
    }
}

// In a 50-column terminal the live line and the result lines are cut to fit (ids in the middle)
// and never wrap; in a 20-column one the live line gives way to plain lines.
void TestCli::progressFitsANarrowTerminal()
{
    QTemporaryDir dir;
    const QStringList args = QStringList{QStringLiteral("--headless"),
                                         QStringLiteral("--no-history"),
                                         QStringLiteral("architecture.events"),
                                         QStringLiteral("--format"),
                                         QStringLiteral("json"),
                                         QStringLiteral("--output-dir"),
                                         dir.path()}
        + kFast;
    const ProgramRun narrow = runInPseudoTerminal(args, 50);
    QCOMPARE(narrow.exitCode, 0);
    const QString drawn = QString::fromUtf8(narrow.out).remove(QStringLiteral("\x1b[2K"));
    QVERIFY2(drawn.contains(QStringLiteral("ETA")), qPrintable(drawn)); // the live line was drawn
    QVERIFY2(drawn.contains(QStringLiteral("median")), qPrintable(drawn));
    QVERIFY2(drawn.contains(QChar(0x2026)), qPrintable(drawn)); // an id was cut in the middle
    // The progress and result lines; messages (warnings, where the files went) wrap as text does.
    int checked = 0;
    for (const QString& line : drawn.split(QRegularExpression(QStringLiteral("[\r\n]")))) {
        if (!line.contains(QStringLiteral("ETA")) && !line.contains(QStringLiteral("median"))
            && !line.startsWith(QStringLiteral("architecture.")))
            continue;
        ++checked;
        QVERIFY2(line.size() < 50, qPrintable(QStringLiteral("%1 columns: %2").arg(line.size()).arg(line)));
    }
    QVERIFY(checked >= 5);

    const ProgramRun tiny = runInPseudoTerminal(args, 20);
    QCOMPARE(tiny.exitCode, 0);
    const QString plain = QString::fromUtf8(tiny.out);
    QVERIFY2(!plain.contains(QStringLiteral("ETA")), qPrintable(plain));
    QVERIFY2(plain.contains(QStringLiteral("[1/")), qPrintable(plain));
}

void TestCli::gatesThatCannotFailSaySo()
{
    QTemporaryDir dir;
    const QString suite = dir.filePath(QStringLiteral("bare.json"));
    {
        // A suite without budgets or claims.
        QFile f(suite);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name": "bare", "workloads": [{"id": "architecture.errors.values"}]})");
    }
    const QStringList run = QStringList{QStringLiteral("--headless"),
                                        QStringLiteral("--suite"),
                                        suite,
                                        QStringLiteral("--sample-size"),
                                        QStringLiteral("4"),
                                        QStringLiteral("--format"),
                                        QStringLiteral("json"),
                                        QStringLiteral("--output-dir"),
                                        dir.filePath(QStringLiteral("out"))}
        + kFast;
    const QByteArray noBaseline("--fail-on-regression: no baseline: nothing was compared");

    // --no-history reads no store: the regression gate has nothing to compare with, and says so.
    Outcome o = runTool(run
                        + QStringList{QStringLiteral("--no-history"), QStringLiteral("--fail-on-regression"),
                                      QStringLiteral("--fail-on-budget")});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QVERIFY2(o.err.contains(noBaseline), o.err.constData());
    QVERIFY2(o.err.contains("--no-history reads no history"), o.err.constData());
    QVERIFY2(
        o.err.contains("--fail-on-budget: the suite has no budgets or claims for these workloads: nothing was checked"),
        o.err.constData());

    // The first run into a store: nothing earlier to compare with either.
    const QString db = dir.filePath(QStringLiteral("h.sqlite"));
    o = runTool(run + QStringList{QStringLiteral("--db"), db, QStringLiteral("--fail-on-regression")});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QVERIFY2(o.err.contains(noBaseline), o.err.constData());
    QVERIFY2(!o.err.contains("--fail-on-budget"), "a gate not asked for says nothing");

    // The second run has a baseline: the gate can fire (exit 4 if the rerun happened to come
    // out regressed twice over), and the note is gone.
    o = runTool(run + QStringList{QStringLiteral("--db"), db, QStringLiteral("--fail-on-regression")});
    QVERIFY2(o.exitCode == 0 || o.exitCode == 4, o.err.constData());
    QVERIFY2(!o.err.contains(noBaseline), o.err.constData());
}

// A scan that multiplies out past 1000 workloads is not started without --yes; listing it is fine.
void TestCli::largeScansAskForYes()
{
    QTemporaryDir dir;
    const QString suite = dir.filePath(QStringLiteral("scan.json"));
    {
        QFile f(suite);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QJsonArray a, b;
        for (int i = 0; i < 40; ++i)
            a.append(i);
        for (int i = 0; i < 30; ++i)
            b.append(i);
        f.write(QJsonDocument(QJsonObject{{QStringLiteral("workloads"),
                                           QJsonArray{QJsonObject{
                                               {QStringLiteral("id"), QStringLiteral("cli.scan")},
                                               {QStringLiteral("command"), QJsonArray{QStringLiteral("true")}},
                                               {QStringLiteral("params"),
                                                QJsonObject{{QStringLiteral("a"), a}, {QStringLiteral("b"), b}}}}}}})
                    .toJson());
    }
    const Outcome run =
        runTool({QStringLiteral("--headless"), QStringLiteral("--no-history"), QStringLiteral("--suite"), suite,
                 QStringLiteral("--output-dir"), dir.filePath(QStringLiteral("out"))});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("this run would measure 1200 workloads") && run.err.contains("--yes"),
             run.err.constData());
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("out")))); // nothing run, nothing written
    const Outcome list = runTool({QStringLiteral("--list"), QStringLiteral("--suite"), suite, QStringLiteral("--yes")});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.out.count('\n'), 1200);
}

void TestCli::signalsKeepFinishedWorkloads_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM (a CI runner's stop)") << int(SIGTERM);
    QTest::newRow("SIGHUP (the terminal closed)") << int(SIGHUP);
}

// Stopped while the second of two commands runs: exit 130, the first written to results.json
// and said to be kept, the one cut short left out.
void TestCli::signalsKeepFinishedWorkloads()
{
    QFETCH(int, signal);
    QTemporaryDir dir;
    const QString suite = dir.filePath(QStringLiteral("two.json"));
    {
        QFile f(suite);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name": "two", "defaults": {"samples": 3, "rounds": 1, "warm_up_s": 0, "measurement_s": 0.1},
                    "workloads": [{"id": "cli.quick", "command": ["true"]},
                                  {"id": "cli.long", "command": ["sleep", "30"]}]})");
    }
    QProcess p;
    p.start(QStringLiteral(CRUCIBLE_BINARY),
            {QStringLiteral("--headless"), QStringLiteral("--no-history"), QStringLiteral("--suite"), suite,
             QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--output-dir"),
             dir.filePath(QStringLiteral("out"))});
    QVERIFY(p.waitForStarted());
    // Not a terminal: a plain line as each workload starts. cli.long's means cli.quick is done.
    QByteArray err;
    while (!err.contains("cli.long") && p.state() == QProcess::Running) {
        p.waitForReadyRead(1000);
        err += p.readAllStandardError();
    }
    QVERIFY2(err.contains("cli.long"), err.constData());
    ::kill(pid_t(p.processId()), signal);
    QVERIFY(p.waitForFinished(20'000)); // long before the 30 s sleep would end
    err += p.readAllStandardError();
    QCOMPARE(p.exitCode(), 130);
    QVERIFY2(err.contains("interrupted; 1 finished workload was kept"), err.constData());
    const QJsonObject results = readJson(dir.filePath(QStringLiteral("out/results.json")));
    QCOMPARE(results[QStringLiteral("cancelled")].toBool(), true);
    const QJsonArray workloads = results[QStringLiteral("workloads")].toArray();
    QCOMPARE(workloads.size(), 1);
    QCOMPARE(workloads[0][QStringLiteral("id")].toString(), QStringLiteral("cli.quick"));
}

// Ctrl-C while --fail-on-regression measures a regression again: the run stops as any
// interrupted run does (exit 130, its workloads kept), not as a failure of the history (exit 1).
void TestCli::interruptedConfirmationExits130()
{
    QTemporaryDir dir;
    const auto suiteSleeping = [&](const char* seconds) {
        const QString path = dir.filePath(QStringLiteral("sleep-%1.json").arg(QLatin1String(seconds)));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return QString();
        f.write(QStringLiteral(R"({"name": "confirm", "defaults": {"samples": 3, "rounds": 3, "warm_up_s": 0,
                                   "measurement_s": 0.1}, "workloads": [{"id": "cli.sleep", "command": ["sleep", "%1"]}]})")
                    .arg(QLatin1String(seconds))
                    .toUtf8());
        return path;
    };
    const QString db = dir.filePath(QStringLiteral("history.sqlite"));
    const QStringList common{QStringLiteral("--headless"), QStringLiteral("--db"), db, QStringLiteral("--format"),
                             QStringLiteral("json")};
    const ProgramRun first =
        runProgram(common
                   + QStringList{QStringLiteral("--suite"), suiteSleeping("0.01"), QStringLiteral("--output-dir"),
                                 dir.filePath(QStringLiteral("first"))});
    QCOMPARE(first.exitCode, 0);
    QProcess p;
    p.start(QStringLiteral(CRUCIBLE_BINARY),
            common
                + QStringList{QStringLiteral("--suite"), suiteSleeping("1"), QStringLiteral("--fail-on-regression"),
                              QStringLiteral("--output-dir"), dir.filePath(QStringLiteral("second"))});
    QVERIFY(p.waitForStarted());
    QByteArray err;
    while (!err.contains("again to confirm") && p.state() == QProcess::Running) {
        p.waitForReadyRead(1000);
        err += p.readAllStandardError();
    }
    QVERIFY2(err.contains("again to confirm"), err.constData()); // 10 ms → 1 s is a regression
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(20'000));
    err += p.readAllStandardError();
    QCOMPARE(p.exitCode(), 130);
    QVERIFY2(err.contains("the confirmation was interrupted"), err.constData());
    QVERIFY2(err.contains("interrupted; 1 finished workload was kept"), err.constData());
    const QJsonObject results = readJson(dir.filePath(QStringLiteral("second/results.json")));
    QCOMPARE(results[QStringLiteral("workloads")].toArray().size(), 1);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
