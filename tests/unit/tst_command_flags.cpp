// Commands from the command line (SPEC.md "Commands from the command line"): argv split as a
// shell would, hyperfine's flags parsed and refused with messages naming them, the suite they
// make (ids, parameters, shells, helpers), an interleaved plan, the comparison summary and
// hyperfine's export shapes.
#include "Result.h"
#include "Sample.h"
#include "SuiteRunner.h"
#include "SyntheticRun.h"
#include "cli/CommandComparison.h"
#include "cli/CommandLine.h"
#include "cli/CommandSuite.h"
#include "cli/SuitePlan.h"
#include "export/HyperfineExport.h"
#include "process/CommandWorkload.h"
#include "process/ShellWords.h"

#include <QtTest>

using namespace crucible;

namespace {

ParsedCommandLine parse(const QStringList& args)
{
    return parseCommandLine(QStringList{QStringLiteral("crucible-bench")} + args, QProcessEnvironment());
}

CommandLineCommands parsedCommands(const QStringList& args)
{
    const ParsedCommandLine p = parse(args);
    if (!p.options)
        qFatal("parse failed: %s", qPrintable(p.error.message));
    return p.options->commands;
}

// A finished command result with the given per-run times (ns).
Result commandResult(const QString& label, const std::vector<double>& times, std::int64_t rss)
{
    Result r = measuredResult(label, times, rss);
    r.info.description = label;
    r.userNs = 1e6 * double(times.size());
    return r;
}

std::vector<double> around(double center, int n)
{
    std::vector<double> v;
    for (int i = 0; i < n; ++i)
        v.push_back(center * (1 + 0.01 * ((i % 5) - 2)));
    return v;
}

} // namespace

class TestCommandFlags : public QObject {
    Q_OBJECT
private slots:
    void shellWords_data();
    void shellWords();
    void shellWordsRefuseWhatDoesNotSplit_data();
    void shellWordsRefuseWhatDoesNotSplit();
    void flagsMakeCommands();
    void parameterScanAndList();
    void badFlagsAreNamed_data();
    void badFlagsAreNamed();
    void suiteOfCommands();
    void suiteThroughAShell();
    void missingProgramIsNamed();
    void interleavedPlanIsOneGroup();
    void comparisonNamesTheFastest();
    void hyperfineJsonShape();
    void hyperfineMarkdownAndCsv();
};

void TestCommandFlags::shellWords_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("argv");
    QTest::newRow("plain") << "sleep 0.02" << QStringList{"sleep", "0.02"};
    QTest::newRow("blanks") << "  a \t b  " << QStringList{"a", "b"};
    QTest::newRow("single quotes") << "echo 'a  b' c" << QStringList{"echo", "a  b", "c"};
    QTest::newRow("double quotes") << "echo \"a \\\"b\\\" $x\"" << QStringList{"echo", "a \"b\" $x"};
    QTest::newRow("backslash") << "echo a\\ b" << QStringList{"echo", "a b"};
    QTest::newRow("empty word") << "printf '' x" << QStringList{"printf", "", "x"};
    QTest::newRow("joined quotes") << "a'b'\"c\"d" << QStringList{"abcd"};
    QTest::newRow("nothing expanded") << "ls *.txt ; echo $HOME" << QStringList{"ls", "*.txt", ";", "echo", "$HOME"};
}

void TestCommandFlags::shellWords()
{
    QFETCH(QString, line);
    QFETCH(QStringList, argv);
    const Expected<QStringList> words = splitShellWords(line);
    QVERIFY2(words, qPrintable(words ? QString() : words.error().message));
    QCOMPARE(*words, argv);
}

void TestCommandFlags::shellWordsRefuseWhatDoesNotSplit_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("open single") << "echo 'a"
                                 << "single quote";
    QTest::newRow("open double") << "echo \"a"
                                 << "double quote";
    QTest::newRow("trailing backslash") << "echo \\"
                                        << "backslash";
    QTest::newRow("blank") << "   "
                           << "no program";
}

void TestCommandFlags::shellWordsRefuseWhatDoesNotSplit()
{
    QFETCH(QString, line);
    QFETCH(QString, message);
    const Expected<QStringList> words = splitShellWords(line);
    QVERIFY(!words);
    QVERIFY2(words.error().message.contains(message), qPrintable(words.error().message));
    QVERIFY2(words.error().message.contains(line), qPrintable(words.error().message));
}

void TestCommandFlags::flagsMakeCommands()
{
    const ParsedCommandLine p = parse({"--headless",
                                       "-c",
                                       "sleep 0.02",
                                       "--command",
                                       "sleep 0.03",
                                       "-n",
                                       "short",
                                       "--command-name",
                                       "long",
                                       "--runs",
                                       "7",
                                       "--warmup",
                                       "2",
                                       "--prepare",
                                       "true",
                                       "--setup",
                                       "true",
                                       "--cleanup",
                                       "true",
                                       "-i",
                                       "--input",
                                       "/dev/null",
                                       "--shell",
                                       "bash --norc",
                                       "--export-json",
                                       "h.json"});
    QVERIFY2(p.options, qPrintable(p.error.message));
    const CommandLineCommands& c = p.options->commands;
    QCOMPARE(c.commands, (QStringList{"sleep 0.02", "sleep 0.03"}));
    QCOMPARE(c.names, (QStringList{"short", "long"}));
    QCOMPARE(c.shell, (QStringList{"bash", "--norc"}));
    QCOMPARE(c.prepare, QStringList{"true"});
    QCOMPARE(c.setup, QStringLiteral("true"));
    QCOMPARE(c.cleanup, QStringLiteral("true"));
    QVERIFY(c.ignoreFailure);
    QCOMPARE(c.inputFile, QStringLiteral("/dev/null"));
    QCOMPARE(c.exportJson, QStringLiteral("h.json"));
    QCOMPARE(p.options->settings.sampleCount, 7);
    QVERIFY(p.options->sampleSizeGiven);
    QCOMPARE(p.options->settings.warmUpRuns, 2);
    // --min-runs raises the default, never lowers it; -N is no shell.
    const ParsedCommandLine m = parse({"-c", "true", "--min-runs", "80", "-N"});
    QVERIFY2(m.options, qPrintable(m.error.message));
    QCOMPARE(m.options->settings.sampleCount, 80);
    QVERIFY(m.options->commands.shell.isEmpty());
    QCOMPARE(parse({"-c", "true", "--min-runs", "3"}).options->settings.sampleCount, MeasurementSettings{}.sampleCount);
}

void TestCommandFlags::parameterScanAndList()
{
    CommandLineCommands c = parsedCommands({"-c", "sleep {t}", "-P", "t", "1", "3"});
    QCOMPARE(c.parameters.size(), std::size_t(1));
    QCOMPARE(c.parameters[0].values, (QStringList{"1", "2", "3"}));
    c = parsedCommands({"-c", "sleep {t}", "--parameter-scan", "t", "0.3", "0.7", "-D", "0.2"});
    QCOMPARE(c.parameters[0].values, (QStringList{"0.3", "0.5", "0.7"}));
    c = parsedCommands({"-c", "{cc} -O{o}", "-L", "cc", "gcc,clang", "--parameter-list", "o", "1,2"});
    QCOMPARE(c.parameters.size(), std::size_t(2));
    QCOMPARE(c.parameters[1].values, (QStringList{"1", "2"}));
    // After "--" nothing is a flag.
    const ParsedCommandLine p = parse({"-c", "true", "--", "-P"});
    QVERIFY(!p.options); // "-P" is then a FILTER word, which --command refuses
    QVERIFY2(p.error.message.contains("FILTER"), qPrintable(p.error.message));
}

void TestCommandFlags::badFlagsAreNamed_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("runs without command") << QStringList{"--runs", "3"} << "--runs applies to commands";
    QTest::newRow("scan without command") << QStringList{"-P", "n", "1", "2"} << "--parameter-scan applies";
    QTest::newRow("scan short of values") << QStringList{"-c", "x", "-P", "n", "1"} << "--parameter-scan NAME MIN MAX";
    QTest::newRow("scan not numbers") << QStringList{"-c", "x", "-P", "n", "a", "2"} << "expected numbers";
    QTest::newRow("scan decimals without step") << QStringList{"-c", "x", "-P", "n", "0.1", "2"} << "whole numbers";
    QTest::newRow("scan backwards") << QStringList{"-c", "x", "-P", "n", "3", "1"} << "below MIN";
    QTest::newRow("step without scan") << QStringList{"-c", "x", "-D", "2"} << "--parameter-step-size applies";
    QTest::newRow("bad parameter name") << QStringList{"-c", "x", "-L", "a-b", "1"} << "letters, digits";
    QTest::newRow("value with slash") << QStringList{"-c", "x", "-L", "d", "a/b"} << "without '/'";
    QTest::newRow("parameter twice") << QStringList{"-c", "x", "-L", "d", "1", "-L", "d", "2"} << "given twice";
    QTest::newRow("names short") << QStringList{"-c", "a", "-c", "b", "-n", "x"} << "--command-name: given 1 times";
    QTest::newRow("prepare count") << QStringList{"-c", "a", "-c", "b", "-c", "c", "-p", "x", "-p", "y"}
                                   << "--prepare: given 2 times";
    QTest::newRow("runs and min-runs") << QStringList{"-c", "a", "-r", "3", "-m", "5"} << "--runs and --min-runs";
    QTest::newRow("runs zero") << QStringList{"-c", "a", "--runs", "0"} << "--runs: expected a whole number";
    QTest::newRow("warmup negative") << QStringList{"-c", "a", "--warmup", "-1"} << "--warmup: expected";
    QTest::newRow("with suite") << QStringList{"-c", "a", "--suite", "s.json"} << "--command and --suite";
    QTest::newRow("empty command") << QStringList{"-c", " "} << "--command: an empty command";
    QTest::newRow("shell unsplittable") << QStringList{"-c", "a", "--shell", "bash '"} << "--shell:";
    QTest::newRow("export without command") << QStringList{"--export-json", "x.json"} << "--export-json applies";
}

void TestCommandFlags::badFlagsAreNamed()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const ParsedCommandLine p = parse(args);
    QVERIFY(!p.options);
    QVERIFY2(p.error.message.contains(message), qPrintable(p.error.message));
}

void TestCommandFlags::suiteOfCommands()
{
    const Expected<Suite> suite = commandLineSuite(
        parsedCommands({"-c",      "sleep {t}", "-c", "/bin/echo {t}", "-n",      "nap",  "-n",        "echo {t}", "-L",
                        "t",       "0,1",       "-p", "true {t}",      "--setup", "true", "--cleanup", "true {t}", "-i",
                        "--input", "/dev/null"}));
    QVERIFY2(suite, qPrintable(suite ? QString() : suite.error().message));
    QVERIFY(suite->interleaved);
    QCOMPARE(suite->name, kCommandSuiteName);
    QCOMPARE(suite->workloads.size(), std::size_t(4));
    const SuiteWorkload& first = suite->workloads[0];
    QCOMPARE(first.info.id, QStringLiteral("nap/t=0"));
    QCOMPARE(first.info.description, QStringLiteral("nap"));
    QCOMPARE(first.command.argv, (QStringList{"sleep", "0"}));
    QCOMPARE(first.info.parameters.value("t").toString(), QStringLiteral("0"));
    QVERIFY(first.prepareEachRun && first.prepare && first.cleanup);
    QCOMPARE(first.prepareEachRun->argv, (QStringList{"true", "0"}));
    QCOMPARE(first.prepare->argv, QStringList{"true"});
    QCOMPARE(first.cleanup->argv, (QStringList{"true", "0"}));
    QVERIFY(!first.command.expectedExit); // --ignore-failure
    QCOMPARE(first.command.stdinPath, QStringLiteral("/dev/null"));
    QCOMPARE(first.command.timeoutSeconds, 0.0);
    const SuiteWorkload& last = suite->workloads[3];
    QCOMPARE(last.info.id, QStringLiteral("echo_t_/t=1"));
    QCOMPARE(last.info.description, QStringLiteral("echo 1"));
    QCOMPARE(last.command.argv, (QStringList{"/bin/echo", "1"}));

    // Without names the id is the command made safe; two that come out alike stay apart.
    const Expected<Suite> alike = commandLineSuite(parsedCommands({"-c", "/bin/echo a b", "-c", "/bin/echo a_b"}));
    QVERIFY(alike);
    QCOMPARE(alike->workloads[0].info.id, QStringLiteral("_bin_echo_a_b"));
    QCOMPARE(alike->workloads[1].info.id, QStringLiteral("_bin_echo_a_b#2"));
    QCOMPARE(alike->workloads[0].info.description, QStringLiteral("/bin/echo a b"));
}

void TestCommandFlags::suiteThroughAShell()
{
    const Expected<Suite> suite = commandLineSuite(parsedCommands({"-c", "echo a | wc -c", "--shell", "sh"}));
    QVERIFY(suite);
    QCOMPARE(suite->workloads[0].command.argv, (QStringList{"sh", "-c", "echo a | wc -c"}));
}

void TestCommandFlags::missingProgramIsNamed()
{
    Expected<Suite> suite = commandLineSuite(parsedCommands({"-c", "no-such-program-xyz 1"}));
    QVERIFY(!suite);
    QVERIFY2(suite.error().message.contains("no program \"no-such-program-xyz\" in PATH"),
             qPrintable(suite.error().message));
    suite = commandLineSuite(parsedCommands({"-c", "true", "--input", "/no/such/file"}));
    QVERIFY(!suite);
    QVERIFY2(suite.error().message.contains("--input: no such file"), qPrintable(suite.error().message));
    suite = commandLineSuite(parsedCommands({"-c", "true", "--prepare", "/no/such/prepare"}));
    QVERIFY(!suite);
    QVERIFY2(suite.error().message.contains("--prepare"), qPrintable(suite.error().message));
}

void TestCommandFlags::interleavedPlanIsOneGroup()
{
    // Three commands, three samples each, one round: every sample's start comes after the one
    // before it, and the commands take turns A B C A B C A B C.
    const ParsedCommandLine p =
        parse({"-c", "true", "-c", "/bin/echo b", "-c", "printf c", "--runs", "3", "--warmup", "0", "--rounds", "1"});
    QVERIFY2(p.options, qPrintable(p.error.message));
    const Expected<Suite> suite = commandLineSuite(p.options->commands);
    QVERIFY(suite);
    std::vector<const SuiteWorkload*> all;
    for (const SuiteWorkload& w : suite->workloads)
        all.push_back(&w);
    Expected<SessionPlan> plan = makeSessionPlan(*suite, all, WorkloadRegistry(), *p.options);
    QVERIFY(plan);
    QVERIFY(plan->interleaved);
    RunObserver quiet;
    const RunResult run = runPlan(*plan, {}, quiet);
    QCOMPARE(run.results.size(), std::size_t(3));
    std::vector<std::pair<double, QString>> starts;
    for (const Result& r : run.results) {
        QCOMPARE(r.status, Status::Ok);
        QCOMPARE(r.samples.size(), std::size_t(3));
        for (const Sample& s : r.samples) {
            QVERIFY(s.startedNs > 0);
            starts.emplace_back(s.startedNs, r.info.id);
        }
    }
    std::sort(starts.begin(), starts.end());
    for (std::size_t i = 0; i < starts.size(); ++i)
        QCOMPARE(starts[i].second, run.results[i % 3].info.id);
}

void TestCommandFlags::comparisonNamesTheFastest()
{
    RunResult run;
    run.info.rounds = 10;
    run.results.push_back(commandResult(QStringLiteral("sleep 0.03"), around(30e6, 40), 2 << 20));
    run.results.push_back(commandResult(QStringLiteral("sleep 0.02"), around(20e6, 40), 1 << 20));
    Result failed;
    failed.info.description = QStringLiteral("false");
    failed.status = Status::Failed;
    failed.error = QStringLiteral("exit code 1");
    run.results.push_back(failed);
    const QString text = describeCommandComparison(run);
    QVERIFY2(text.contains("sleep 0.02 ran\n"), qPrintable(text));
    QVERIFY2(text.contains("1.500 × faster than sleep 0.03"), qPrintable(text));
    QVERIFY2(text.contains("95% CI"), qPrintable(text));
    QVERIFY2(text.contains("p < 0.001: significant"), qPrintable(text));
    QVERIFY2(text.contains("peak RSS 2.0 MiB") && text.contains("peak RSS 1.0 MiB"), qPrintable(text));
    QVERIFY2(text.contains("FAILED: exit code 1"), qPrintable(text));
    // Two commands indistinguishable: the verdict says so.
    RunResult same;
    same.results.push_back(commandResult(QStringLiteral("a"), around(10e6, 20), 0));
    same.results.push_back(commandResult(QStringLiteral("b"), around(10e6, 20), 0));
    QVERIFY2(describeCommandComparison(same).contains("not significant"), qPrintable(describeCommandComparison(same)));
}

void TestCommandFlags::hyperfineJsonShape()
{
    RunResult run;
    Result r = commandResult(QStringLiteral("sleep 0.02"), {20e6, 22e6, 21e6}, 1536);
    r.info.parameters.insert(QStringLiteral("t"), QStringLiteral("0.02"));
    r.samples[1].exitCode = 3;
    r.samples[2].signal = 9;
    run.results.push_back(r);
    run.results.push_back(commandResult(QStringLiteral("one run"), {5e6}, 0));
    const QJsonObject doc = QJsonDocument::fromJson(hyperfine::exportJson(run)).object();
    const QJsonArray results = doc[QStringLiteral("results")].toArray();
    QCOMPARE(results.size(), 2);
    const QJsonObject o = results[0].toObject();
    QCOMPARE(o[QStringLiteral("command")].toString(), QStringLiteral("sleep 0.02"));
    QCOMPARE(o[QStringLiteral("mean")].toDouble(), 0.021);
    QCOMPARE(o[QStringLiteral("median")].toDouble(), 0.021);
    QCOMPARE(o[QStringLiteral("min")].toDouble(), 0.020);
    QCOMPARE(o[QStringLiteral("max")].toDouble(), 0.022);
    QCOMPARE(o[QStringLiteral("stddev")].toDouble(), 0.001);
    QCOMPARE(o[QStringLiteral("user")].toDouble(), 0.001); // per run
    QCOMPARE(o[QStringLiteral("system")].toDouble(), 0.0);
    QCOMPARE(o[QStringLiteral("times")].toArray(), (QJsonArray{0.020, 0.022, 0.021}));
    QCOMPARE(o[QStringLiteral("memory_usage_byte")].toArray(), (QJsonArray{1536, 1536, 1536}));
    QCOMPARE(o[QStringLiteral("exit_codes")].toArray(), (QJsonArray{0, 3, QJsonValue()}));
    QCOMPARE(o[QStringLiteral("parameters")].toObject(), (QJsonObject{{"t", "0.02"}}));
    const QJsonObject single = results[1].toObject();
    QVERIFY(single[QStringLiteral("stddev")].isNull()); // as hyperfine: none for one run
    QVERIFY(!single.contains(QStringLiteral("parameters")));
}

void TestCommandFlags::hyperfineMarkdownAndCsv()
{
    RunResult run;
    run.results.push_back(commandResult(QStringLiteral("a|b"), {20e6, 22e6}, 0));
    run.results.push_back(commandResult(QStringLiteral("slow"), {40e6, 44e6}, 0));
    const QString md = QString::fromUtf8(hyperfine::exportMarkdown(run));
    const QStringList lines = md.split(QLatin1Char('\n'));
    QCOMPARE(lines[0], QStringLiteral("| Command | Mean [ms] | Min [ms] | Max [ms] | Relative |"));
    QCOMPARE(lines[1], QStringLiteral("|:---|---:|---:|---:|---:|"));
    QCOMPARE(lines[2], QStringLiteral("| `a\\|b` | 21.0 ± 1.4 | 20.0 | 22.0 | 1.00 |"));
    QCOMPARE(lines[3], QStringLiteral("| `slow` | 42.0 ± 2.8 | 40.0 | 44.0 | 2.00 ± 0.19 |"));
    const QString csvText = QString::fromUtf8(hyperfine::exportCsv(run));
    QVERIFY2(csvText.startsWith("command,mean,stddev,median,user,system,min,max\r\n"), qPrintable(csvText));
    QVERIFY2(csvText.contains("\r\nslow,0.042,"), qPrintable(csvText));
}

QTEST_GUILESS_MAIN(TestCommandFlags)
#include "tst_command_flags.moc"
