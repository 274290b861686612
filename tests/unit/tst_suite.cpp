// Suite files: validation messages, parameter scans, defaults against flags, the built-in
// default suite, and what the real program does with a bad one.
#include "BuiltInWorkloads.h"
#include "DidYouMean.h"
#include "ProgramRun.h"
#include "SpinWorkload.h"
#include "cli/SuitePlan.h"
#include "suite/SuiteFile.h"

#include <QtTest>

using namespace crucible;

namespace {

// A small registry: one workload with a parameter, a pair, one without parameters.
const WorkloadRegistry& testRegistry()
{
    static const WorkloadRegistry registry = [] {
        WorkloadRegistry r;
        WorkloadInfo spin{QStringLiteral("system.spin"), Category::System, QStringLiteral("spins")};
        spin.parameters = {{QStringLiteral("size"), QStringLiteral("1KiB")}};
        r.add(WorkloadFactory{spin, [](const QVariantMap&) {
                                  return std::make_unique<SpinWorkload>(100, QStringLiteral("system.spin"));
                              }});
        WorkloadInfo size{QStringLiteral("system.size"), Category::System, QStringLiteral("a size")};
        size.unit = QStringLiteral("bytes");
        r.add(WorkloadFactory{size, [](const QVariantMap&) {
                                  return std::make_unique<SpinWorkload>(100, QStringLiteral("system.size"));
                              }});
        for (const char* id : {"architecture.x.old", "architecture.x.new", "cli.plain"})
            r.add(WorkloadFactory{
                WorkloadInfo{QString::fromLatin1(id), Category::Architecture},
                [id](const QVariantMap&) { return std::make_unique<SpinWorkload>(100, QString::fromLatin1(id)); }});
        return r;
    }();
    return registry;
}

SuiteParse parse(const QByteArray& json)
{
    return parseSuite(json, QStringLiteral("suite.json"), testRegistry());
}

Suite parseOk(const QByteArray& json)
{
    SuiteParse p = parse(json);
    if (!p.suite)
        qWarning("%s", qPrintable(p.error));
    return p.suite.value_or(Suite{});
}

QStringList idsOf(const Suite& suite)
{
    QStringList ids;
    for (const SuiteWorkload& w : suite.workloads)
        ids << w.info.id;
    return ids;
}

int runTool(const QStringList& args, QByteArray* out = nullptr, QByteArray* err = nullptr)
{
    const ProgramRun run = runProgram(args, QProcessEnvironment::systemEnvironment(), 60'000);
    if (out)
        *out = run.out;
    if (err)
        *err = run.err;
    return run.exitCode;
}

} // namespace

class TestSuite : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void closestNameFindsSlipsOnly();
    void invalidSuitesNameFileAndKey_data();
    void invalidSuitesNameFileAndKey();
    void lineAndColumnCountCharacters();
    void commandEntries();
    void parameterScans();
    void builtInsGetTheirParameters();
    void budgetsAndClaimsAreKept();
    void flagsBeatSuiteDefaults();
    void defaultSuiteHasEveryBuiltIn();
    void badSuiteExits2AndWritesNothing();
    void listShowsTheSuite();
};

void TestSuite::closestNameFindsSlipsOnly()
{
    const QStringList keys{QStringLiteral("command"), QStringLiteral("headless"), QStringLiteral("timeout_s")};
    QCOMPARE(closestName(QStringLiteral("comand"), keys), QStringLiteral("command"));    // a letter left out
    QCOMPARE(closestName(QStringLiteral("hedaless"), keys), QStringLiteral("headless")); // two swapped
    QCOMPARE(closestName(QStringLiteral("Command"), keys), QStringLiteral("command"));   // case
    QCOMPARE(closestName(QStringLiteral("timeout"), keys), QStringLiteral("timeout_s"));
    QCOMPARE(closestName(QStringLiteral("xyz"), keys), QString());     // nothing near
    QCOMPARE(closestName(QStringLiteral("command"), keys), QString()); // not a slip
    QCOMPARE(closestName(QStringLiteral("c"), keys), QString());
    QCOMPARE(closestName(QStringLiteral("x"), QStringList{QStringLiteral("h"), QStringLiteral("help")}), QString());
}

void TestSuite::invalidSuitesNameFileAndKey_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    const QByteArray ok = R"({ "id": "cli.plain" })";
    auto suite = [&](const QByteArray& extra) { return "{ \"workloads\": [" + ok + "]" + extra + " }"; };

    QTest::newRow("missing comma") << QByteArray("{\n  \"name\": \"x\"\n  \"workloads\": []\n}")
                                   << "suite.json: line 3, column 3: malformed JSON: unterminated object";
    QTest::newRow("unterminated string") << QByteArray("{ \"name\": \"x }")
                                         << "suite.json: line 1, column 15: malformed JSON: unterminated string";
    QTest::newRow("empty file") << QByteArray() << "suite.json: line 1, column 1: malformed JSON: illegal value";
    QTest::newRow("top-level array") << QByteArray("[]")
                                     << "suite.json: expected a JSON object at the top level, got an array";
    QTest::newRow("unknown top key") << suite(R"(, "budget": [])")
                                     << "suite.json: budget: unknown key; did you mean \"budgets\"? (allowed: name, "
                                        "defaults, workloads, budgets, claims)";
    QTest::newRow("no workloads") << QByteArray(R"({ "name": "x" })") << "suite.json: workloads: missing (required)";
    QTest::newRow("empty suite") << QByteArray(R"({ "workloads": [] })")
                                 << "suite.json: workloads: the suite has no workloads";
    QTest::newRow("workloads object") << QByteArray(R"({ "workloads": {} })")
                                      << "suite.json: workloads: expected an array, got an object";
    QTest::newRow("name number") << suite(R"(, "name": 3)") << "suite.json: name: expected a string, got 3";
    QTest::newRow("timeout as text") << QByteArray(
        R"({ "workloads": [ {"id": "cli.plain"}, {"id": "cli.a", "command": ["true"]},
                        {"id": "cli.b", "command": ["true"], "timeout_s": "ten"} ] })")
                                     << "suite.json: workloads[2].timeout_s: expected a number, got \"ten\"";
    QTest::newRow("entry without id") << QByteArray(R"({ "workloads": [ { "command": ["true"] } ] })")
                                      << "suite.json: workloads[0].id: missing (required)";
    QTest::newRow("id with space") << QByteArray(R"({ "workloads": [ { "id": "my bench", "command": ["true"] } ] })")
                                   << "suite.json: workloads[0].id: an id has no spaces and no '/' (parameters add "
                                      "\"/key=value\"), got \"my bench\"";
    QTest::newRow("unknown built-in")
        << QByteArray(R"({ "workloads": [ { "id": "system.nope" } ] })")
        << "suite.json: workloads[0].id: no built-in workload \"system.nope\" (crucible-bench --list shows them)";
    QTest::newRow("unknown entry key") << QByteArray(
        R"({ "workloads": [ { "id": "cli.x", "command": ["true"], "timeout": 3 } ] })")
                                       << "suite.json: workloads[0].timeout: unknown key in a command entry; did you "
                                          "mean \"timeout_s\"? (allowed: id, command, "
                                          "prepare, cleanup, cwd, env, timeout_s, expect_exit, params, description)";
    QTest::newRow("prepare on built-in")
        << QByteArray(R"({ "workloads": [ { "id": "cli.plain", "prepare": ["true"] } ] })")
        << "suite.json: workloads[0].prepare: unknown key in a built-in workload entry (commands "
           "need \"command\") (allowed: id, params)";
    QTest::newRow("misspelt command")
        << QByteArray(R"({ "workloads": [ { "id": "cli.plain" },
                        { "id": "cli.x", "comand": ["true"], "prepare": ["true"], "cleanup": ["true"] } ] })")
        << "suite.json: workloads[1].comand: unknown key in a built-in workload entry (commands "
           "need \"command\"); did you mean \"command\"? (allowed: id, params)";
    QTest::newRow("scan too large")
        << QByteArray(R"({ "workloads": [ { "id": "c.x", "command": ["true"], "params": {"a": [1,2,3,4,5,6,7,8,9,10],
                        "b": [1,2,3,4,5,6,7,8,9,10], "c": [1,2,3,4,5,6,7,8,9,10], "d": [1,2,3,4,5,6,7,8,9,10],
                        "e": [1,2,3,4,5,6,7,8,9,10], "f": [1,2,3,4,5,6,7,8,9,10]} } ] })")
        << "suite.json: workloads[0].params: the scan makes 1000000 workloads, and a suite holds at most 100000";
    QTest::newRow("duplicate id")
        << QByteArray(R"({ "workloads": [ { "id": "cli.plain" }, { "id": "cli.plain" } ] })")
        << "suite.json: workloads[1].id: duplicate workload id \"cli.plain\" (also made by workloads[0])";
    QTest::newRow("duplicate by params")
        << QByteArray(R"({ "workloads": [ { "id": "c.x", "command": ["true"], "params": {"n": [1, "1"]} } ] })")
        << "suite.json: workloads[0].id: duplicate workload id \"c.x/n=1\" (also made by workloads[0])";
    QTest::newRow("empty command") << QByteArray(R"({ "workloads": [ { "id": "cli.x", "command": [] } ] })")
                                   << "suite.json: workloads[0].command: expected a command as an array of strings "
                                      "(program first), got an empty array";
    QTest::newRow("number in argv") << QByteArray(R"({ "workloads": [ { "id": "cli.x", "command": ["sleep", 1] } ] })")
                                    << "suite.json: workloads[0].command[1]: expected a string, got 1";
    QTest::newRow("command as string") << QByteArray(R"({ "workloads": [ { "id": "cli.x", "command": "ls -l" } ] })")
                                       << "suite.json: workloads[0].command: expected an array, got \"ls -l\"";
    QTest::newRow("expect_exit text") << QByteArray(
        R"({ "workloads": [ { "id": "cli.x", "command": ["true"], "expect_exit": "0" } ] })")
                                      << "suite.json: workloads[0].expect_exit: expected a number, got \"0\"";
    QTest::newRow("expect_exit 300")
        << QByteArray(R"({ "workloads": [ { "id": "cli.x", "command": ["true"], "expect_exit": 300 } ] })")
        << "suite.json: workloads[0].expect_exit: expected a whole number from 0 to 255, got 300";
    QTest::newRow("env number") << QByteArray(
        R"({ "workloads": [ { "id": "cli.x", "command": ["true"], "env": {"N": 1} } ] })")
                                << "suite.json: workloads[0].env.N: expected a string, got 1";
    QTest::newRow("negative timeout")
        << QByteArray(R"({ "workloads": [ { "id": "cli.x", "command": ["true"], "timeout_s": -1 } ] })")
        << "suite.json: workloads[0].timeout_s: expected a number from 0.001 to 86400, got -1";
    QTest::newRow("gbench missing") << QByteArray(
        R"({ "workloads": [ { "id": "mylib", "gbench": "./no-such-bench", "filter": "BM_.*" } ] })")
                                    << "suite.json: workloads[0].gbench: no such file \"./no-such-bench\"";
    QTest::newRow("gbench bad key")
        << QByteArray(R"({ "workloads": [ { "id": "mylib", "gbench": "./b", "command": ["x"] } ] })")
        << "suite.json: workloads[0].command: unknown key in a gbench entry (allowed: id, gbench, filter, "
           "args, cwd, env, timeout_s, category)";
    QTest::newRow("params empty")
        << QByteArray(R"({ "workloads": [ { "id": "system.spin", "params": {"size": []} } ] })")
        << "suite.json: workloads[0].params.size: expected at least one value, got an empty array";
    QTest::newRow("params object")
        << QByteArray(R"({ "workloads": [ { "id": "system.spin", "params": {"size": [{}]} } ] })")
        << "suite.json: workloads[0].params.size[0]: expected a string, number or boolean, got an object";
    QTest::newRow("unknown parameter")
        << QByteArray(R"({ "workloads": [ { "id": "system.spin", "params": {"sise": [1]} } ] })")
        << "suite.json: workloads[0].params.sise: system.spin has no parameter \"sise\" (it takes: size)";
    QTest::newRow("defaults samples 0")
        << suite(R"(, "defaults": {"samples": 0})")
        << "suite.json: defaults.samples: expected a whole number from 1 to 1000000, got 0";
    QTest::newRow("defaults samples 2.5")
        << suite(R"(, "defaults": {"samples": 2.5})")
        << "suite.json: defaults.samples: expected a whole number from 1 to 1000000, got 2.5";
    QTest::newRow("defaults unknown") << suite(R"(, "defaults": {"warmup_s": 1})")
                                      << "suite.json: defaults.warmup_s: unknown key; did you mean \"warm_up_s\"? "
                                         "(allowed: warm_up_s, measurement_s, samples, rounds, timeout_s)";
    QTest::newRow("budget metric")
        << suite(R"(, "budgets": [{"workload": "cli.plain", "metric": "median_us", "max": 1}])")
        << "suite.json: budgets[0].metric: unknown metric \"median_us\" (known: median_ms, mean_ms, p99_ms, "
           "peak_rss_mb, throughput_per_s, median_mb)";
    QTest::newRow("time of a size")
        << QByteArray(R"({ "workloads": [{"id": "system.size"}],
            "budgets": [{"workload": "system.size", "metric": "median_ms", "max": 1}] })")
        << "suite.json: budgets[0].metric: median_ms does not fit system.size, which is measured in bytes";
    QTest::newRow("throughput of a size")
        << QByteArray(R"({ "workloads": [{"id": "system.size"}],
            "budgets": [{"workload": "system.size", "metric": "throughput_per_s", "min": 1}] })")
        << "suite.json: budgets[0].metric: throughput_per_s does not fit system.size, which is measured in bytes";
    QTest::newRow("size of a time")
        << suite(R"(, "budgets": [{"workload": "cli.plain", "metric": "median_mb", "max": 1}])")
        << "suite.json: budgets[0].metric: median_mb does not fit cli.plain, which is measured in ns";
    QTest::newRow("size of all")
        << suite(R"(, "budgets": [{"workload": "*", "metric": "median_mb", "max": 1}])")
        << "suite.json: budgets[0].metric: median_mb applies to workloads measured in bytes: name one, not \"*\"";
    QTest::newRow("budget workload")
        << suite(R"(, "budgets": [{"workload": "cli.other", "metric": "median_ms", "max": 1}])")
        << "suite.json: budgets[0].workload: no workload \"cli.other\" in this suite (or \"*\" for all)";
    QTest::newRow("budget max text") << suite(
        R"(, "budgets": [{"workload": "*", "metric": "peak_rss_mb", "max": "90"}])")
                                     << "suite.json: budgets[0].max: expected a number, got \"90\"";
    QTest::newRow("throughput max") << suite(
        R"(, "budgets": [{"workload": "*", "metric": "throughput_per_s", "max": 9}])")
                                    << "suite.json: budgets[0].max: throughput_per_s takes \"min\", not \"max\"";
    QTest::newRow("budget no limit") << suite(R"(, "budgets": [{"workload": "*", "metric": "p99_ms"}])")
                                     << "suite.json: budgets[0].max: missing (required)";
    QTest::newRow("claim unknown") << suite(R"(, "claims": [{"name": "n", "baseline": "cli.plain", "candidate": "*",
                                               "expected_improvement_pct": 5, "tolerance_pct": 1}])")
                                   << "suite.json: claims[0].candidate: no workload \"*\" in this suite";
    QTest::newRow("claim same sides") << suite(
        R"(, "claims": [{"name": "n", "baseline": "cli.plain", "candidate": "cli.plain",
                                                "expected_improvement_pct": 5, "tolerance_pct": 1}])")
                                      << "suite.json: claims[0].candidate: the candidate must differ from the baseline";
    QTest::newRow("claim over 100")
        << QByteArray(R"({ "workloads": [{"id": "architecture.x.old"}, {"id": "architecture.x.new"}],
            "claims": [{"name": "n", "baseline": "architecture.x.old", "candidate": "architecture.x.new",
                        "expected_improvement_pct": 150, "tolerance_pct": 1}] })")
        << "suite.json: claims[0].expected_improvement_pct: expected a number from -1000000 to 100, got 150";
}

void TestSuite::invalidSuitesNameFileAndKey()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const SuiteParse p = parse(json);
    QVERIFY(!p.suite);
    QCOMPARE(p.error, message);
}

void TestSuite::lineAndColumnCountCharacters()
{
    // Two-byte "é" before the error: the column counts it once.
    const SuiteParse p = parse("{\n  \"name\": \"é\" \"workloads\": []\n}");
    QVERIFY(!p.suite);
    QVERIFY2(p.error.startsWith(QLatin1String("suite.json: line 2, column 15: malformed JSON")), qPrintable(p.error));
}

void TestSuite::commandEntries()
{
    const Suite s = parseOk(R"({ "name": "cmds", "defaults": {"timeout_s": 5},
        "workloads": [
          { "id": "cli.grep", "command": ["grep", "-c", "x", "data.txt"], "prepare": ["sh", "-c", "seq 10 > data.txt"],
            "cleanup": ["rm", "data.txt"], "cwd": "/tmp", "env": {"LC_ALL": "C"}, "timeout_s": 10, "expect_exit": 1 },
          { "id": "mytool", "command": ["true"], "expect_exit": null, "description": "Does nothing" },
          { "id": "cli.default_timeout", "command": ["true"] } ] })");
    QCOMPARE(s.name, QStringLiteral("cmds"));
    QCOMPARE(s.workloads.size(), std::size_t(3));
    const SuiteWorkload& grep = s.workloads[0];
    QCOMPARE(grep.kind, SuiteWorkload::Kind::Command);
    QCOMPARE(grep.info.category, Category::Cli); // the id's first component names a category
    QCOMPARE(grep.command.argv, QStringList({"grep", "-c", "x", "data.txt"}));
    QCOMPARE(grep.command.workingDirectory, QStringLiteral("/tmp"));
    QCOMPARE(grep.command.environment.value(QStringLiteral("LC_ALL")), QStringLiteral("C"));
    QCOMPARE(grep.command.timeoutSeconds, 10.0);
    QCOMPARE(grep.command.expectedExit, std::optional<int>(1));
    QVERIFY(grep.prepare && grep.cleanup);
    QCOMPARE(grep.prepare->argv, QStringList({"sh", "-c", "seq 10 > data.txt"}));
    QCOMPARE(grep.prepare->workingDirectory, QStringLiteral("/tmp"));
    QCOMPARE(grep.info.description, QStringLiteral("External command: grep -c x data.txt"));
    QCOMPARE(s.workloads[1].info.category, Category::External);
    QCOMPARE(s.workloads[1].command.expectedExit, std::nullopt);
    QCOMPARE(s.workloads[1].info.description, QStringLiteral("Does nothing"));
    QCOMPARE(s.workloads[2].command.timeoutSeconds, 5.0); // the suite's default
    QCOMPARE(parseOk(R"({ "workloads": [ { "id": "x", "command": ["true"] } ] })").workloads[0].command.timeoutSeconds,
             Suite::kDefaultTimeoutSeconds);
    QCOMPARE(parseOk(R"({ "workloads": [ { "id": "x", "command": ["true"] } ] })").name, QStringLiteral("suite"));
}

void TestSuite::parameterScans()
{
    const Suite s = parseOk(R"({ "workloads": [
        { "id": "cli.scan", "command": ["tool", "--n={n}", "{mode}", "{other}"], "cleanup": ["rm", "out.{n}"],
          "params": { "n": [1, 2.5], "mode": ["fast", "slow"] } } ] })");
    // Keys in sorted order in the id; the last key varies fastest.
    QCOMPARE(idsOf(s),
             QStringList({"cli.scan/mode=fast/n=1", "cli.scan/mode=fast/n=2.5", "cli.scan/mode=slow/n=1",
                          "cli.scan/mode=slow/n=2.5"}));
    QCOMPARE(s.workloads[1].command.argv, QStringList({"tool", "--n=2.5", "fast", "{other}"}));
    QCOMPARE(s.workloads[1].cleanup->argv, QStringList({"rm", "out.2.5"}));
    QCOMPARE(s.workloads[2].parameters.value(QStringLiteral("mode")).toString(), QStringLiteral("slow"));
    QCOMPARE(s.workloads[3].info.parameters.value(QStringLiteral("n")).toDouble(), 2.5);
    QCOMPARE(s.workloads[0].baseId, QStringLiteral("cli.scan"));
}

void TestSuite::builtInsGetTheirParameters()
{
    const Suite s = parseOk(R"({ "workloads": [ { "id": "system.spin", "params": { "size": ["4KiB", "1MiB"] } },
                                                { "id": "cli.plain" } ] })");
    QCOMPARE(idsOf(s), QStringList({"system.spin/size=4KiB", "system.spin/size=1MiB", "cli.plain"}));
    QCOMPARE(s.workloads[1].info.parameters.value(QStringLiteral("size")).toString(), QStringLiteral("1MiB"));
    // The factory keeps its registered id; the runnable workload carries the suite's.
    const std::unique_ptr<Workload> w = instantiate(s.workloads[1], testRegistry());
    QCOMPARE(w->info().id, QStringLiteral("system.spin/size=1MiB"));
    QCOMPARE(w->info().description, QStringLiteral("busy-wait of a known length"));
    QCOMPARE(instantiate(s.workloads[2], testRegistry())->info().id, QStringLiteral("cli.plain"));
    // Filters see the expanded ids.
    QCOMPARE(selectSuiteWorkloads(s, {QStringLiteral("size=4KiB")}).size(), std::size_t(1));
    QCOMPARE(selectSuiteWorkloads(s, {QStringLiteral("system")}).size(), std::size_t(2));
}

void TestSuite::budgetsAndClaimsAreKept()
{
    const Suite s = parseOk(R"({ "workloads": [ {"id": "architecture.x.old"}, {"id": "architecture.x.new"},
                                                {"id": "system.spin", "params": {"size": ["1", "2"]}} ],
        "budgets": [ {"workload": "*", "metric": "peak_rss_mb", "max": 90},
                     {"workload": "system.spin", "metric": "throughput_per_s", "min": 1000},
                     {"workload": "system.spin/size=2", "metric": "median_ms", "max": 50} ],
        "claims": [ {"name": "Faster", "baseline": "architecture.x.old", "candidate": "architecture.x.new",
                     "expected_improvement_pct": 40, "tolerance_pct": 10} ] })");
    QCOMPARE(s.budgets.size(), std::size_t(3));
    QCOMPARE(s.budgets[0].workload, QStringLiteral("*"));
    QCOMPARE(s.budgets[0].max, std::optional<double>(90));
    QCOMPARE(s.budgets[1].min, std::optional<double>(1000));
    QVERIFY(!s.budgets[1].max);
    QCOMPARE(s.budgets[2].workload, QStringLiteral("system.spin/size=2"));
    QCOMPARE(s.claims.size(), std::size_t(1));
    QCOMPARE(s.claims[0].candidate, QStringLiteral("architecture.x.new"));
    QCOMPARE(s.claims[0].expectedImprovementPct, 40.0);
    QCOMPARE(s.claims[0].tolerancePct, 10.0);
}

void TestSuite::flagsBeatSuiteDefaults()
{
    SuiteDefaults d;
    d.warmUpSeconds = 0.5;
    d.measurementSeconds = 2;
    d.samples = 7;
    auto settingsFor = [&](const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment()) {
        const ParsedCommandLine p = parseCommandLine(QStringList{QStringLiteral("crucible-bench")} + args, env);
        return effectiveSettings(*p.options, d);
    };
    const MeasurementSettings none = settingsFor({});
    QCOMPARE(none.sampleCount, 7);
    QCOMPARE(none.warmUpSeconds, 0.5);
    QCOMPARE(none.measurementSeconds, 2.0);
    const MeasurementSettings flags = settingsFor({QStringLiteral("--sample-size"), QStringLiteral("4"),
                                                   QStringLiteral("--measurement-time"), QStringLiteral("1")});
    QCOMPARE(flags.sampleCount, 4);
    QCOMPARE(flags.measurementSeconds, 1.0);
    QCOMPARE(flags.warmUpSeconds, 0.5); // not given: the suite's
    QProcessEnvironment env;
    env.insert(QStringLiteral("CRITERION_SAMPLE_SIZE"), QStringLiteral("9"));
    QCOMPARE(settingsFor({}, env).sampleCount, 9); // the environment speaks for the user too
    const MeasurementSettings quick = settingsFor({QStringLiteral("--quick-check")});
    QCOMPARE(quick.sampleCount, MeasurementSettings::quickCheck().sampleCount);
    QCOMPARE(quick.measurementSeconds, MeasurementSettings::quickCheck().measurementSeconds);
    QCOMPARE(settingsFor({QStringLiteral("--suite"), QStringLiteral("s.json")}).sampleCount, 7);
}

void TestSuite::defaultSuiteHasEveryBuiltIn()
{
    WorkloadRegistry registry;
    workloads::registerBuiltInWorkloads(registry);
    const LoadedSuite loaded = loadSuite(QString(), registry);
    QVERIFY2(loaded.suite, qPrintable(loaded.error));
    QVERIFY2(loaded.notice.isEmpty(), qPrintable(loaded.notice));
    QCOMPARE(loaded.suite->name, QStringLiteral("default"));
    QSet<QString> inSuite;
    for (const SuiteWorkload& w : loaded.suite->workloads)
        inSuite.insert(w.baseId);
    for (const WorkloadFactory& f : registry.all())
        QVERIFY2(inSuite.contains(f.info.id),
                 qPrintable(f.info.id + QStringLiteral(" is missing from resources/default-suite.json")));
    QVERIFY(!loaded.suite->budgets.empty());
    // The fallback for a build without the resource: every registered workload, in order.
    const Suite fallback = allRegisteredWorkloads(registry);
    QCOMPARE(fallback.workloads.size(), registry.all().size());
    QCOMPARE(fallback.workloads.front().info.id, registry.all().front().info.id);
    QCOMPARE(loaded.suite->claims.size(), std::size_t(5));
    for (const Claim& c : loaded.suite->claims) {
        const WorkloadFactory* baseline = registry.find(c.baseline);
        QVERIFY2(baseline && baseline->info.pairedWith == c.candidate, qPrintable(c.name));
    }
}

void TestSuite::badSuiteExits2AndWritesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({ "workloads": [ { "id": "cli.x", "command": ["true"], "timeout_s": "ten" } ] })");
    f.close();
    const QString out = dir.filePath(QStringLiteral("out"));
    QByteArray err;
    QCOMPARE(
        runTool({QStringLiteral("--headless"), QStringLiteral("--suite"), path, QStringLiteral("--output-dir"), out},
                nullptr, &err),
        2);
    QVERIFY2(err.contains(path.toUtf8() + ": workloads[0].timeout_s: expected a number, got \"ten\""), err.constData());
    QVERIFY2(!QFileInfo::exists(out), "nothing may be written");
    QCOMPARE(runTool({QStringLiteral("--list"), QStringLiteral("--suite"), path}, nullptr, &err), 2);
    QCOMPARE(runTool({QStringLiteral("--headless"), QStringLiteral("--suite"),
                      dir.filePath(QStringLiteral("none.json")), QStringLiteral("--output-dir"), out},
                     nullptr, &err),
             2);
    QVERIFY2(err.contains("none.json: cannot read the suite file"), err.constData());
    QVERIFY(!QFileInfo::exists(out));
}

void TestSuite::listShowsTheSuite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({ "workloads": [ { "id": "architecture.errors.values" },
                               { "id": "cli.echo", "command": ["echo", "{word}"], "params": {"word": ["a", "b"]} } ] })");
    f.close();
    QByteArray out;
    QCOMPARE(runTool({QStringLiteral("--list"), QStringLiteral("--json"), QStringLiteral("--suite"), path}, &out), 0);
    const QJsonArray list = QJsonDocument::fromJson(out).array();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list[1][QStringLiteral("id")].toString(), QStringLiteral("cli.echo/word=a"));
    QCOMPARE(list[1][QStringLiteral("category")].toString(), QStringLiteral("cli"));
    QCOMPARE(list[2][QStringLiteral("parameters")][QStringLiteral("word")].toString(), QStringLiteral("b"));
    QCOMPARE(runTool({QStringLiteral("--list"), QStringLiteral("--json"), QStringLiteral("--suite"), path,
                      QStringLiteral("word=b")},
                     &out),
             0);
    QCOMPARE(QJsonDocument::fromJson(out).array().size(), 1);
}

QTEST_GUILESS_MAIN(TestSuite)
#include "tst_suite.moc"
