// What CI systems read: junit.xml validated against the Apache Ant JUnit schema with xmllint,
// bmf.json against Bencher's documented shape, and, inside GitHub Actions, the annotations on
// stdout and the step summary appended to, from the real program.
#include "ProgramRun.h"
#include "SyntheticRun.h"
#include "TestFiles.h"
#include "cli/GithubActions.h"
#include "export/BencherJson.h"
#include "export/JunitXml.h"
#include "gates/Gates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QXmlStreamReader>
#include <QtTest>

#include <algorithm>

using namespace crucible;

namespace {

const QString kSchema = QStringLiteral(CRUCIBLE_FIXTURES "/JUnit.xsd");

// xmllint --schema's verdict on `xml`: empty when valid, else what it said.
QString schemaProblems(const QByteArray& xml)
{
    QTemporaryDir dir;
    const QString path = writeTestFile(dir.filePath(QStringLiteral("junit.xml")), xml);
    QProcess lint;
    lint.start(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--schema"), kSchema, path});
    if (!lint.waitForFinished(60'000))
        return QStringLiteral("xmllint did not finish");
    if (lint.exitStatus() == QProcess::NormalExit && lint.exitCode() == 0)
        return {};
    return QString::fromUtf8(lint.readAllStandardError());
}

// A run with every case a report has to tell apart: the synthetic run's verdicts and failed
// workload, a broken budget, a passed one, and a refuted, a confirmed and a skipped claim.
RunResult runWithGates()
{
    RunResult run = syntheticRun(12, 8);
    BudgetOutcome broken;
    broken.budgetWorkload = broken.workload = run.results[0].info.id;
    broken.metric = QStringLiteral("median_ms");
    broken.max = 0.000001;
    broken.measured = 0.5;
    broken.status = BudgetStatus::Failed;
    broken.note = QStringLiteral("above the limit");
    BudgetOutcome passed = broken;
    passed.workload = run.results[2].info.id;
    passed.max = 1e9;
    passed.status = BudgetStatus::Passed;
    passed.note.clear();
    run.budgets = {broken, passed};
    const ClaimOutcome refuted = refutedClaim(QStringLiteral("Typed events, 96% faster"), QStringLiteral("a"),
                                              QStringLiteral("b"), 40, {38, 42});
    ClaimOutcome confirmed = refuted;
    confirmed.name = QStringLiteral("Arena allocation");
    confirmed.verdict = ClaimVerdict::Confirmed;
    ClaimOutcome skipped = refuted;
    skipped.name = QStringLiteral("Not in this run");
    skipped.verdict = ClaimVerdict::Skipped;
    skipped.improvementPct.reset();
    skipped.note = QStringLiteral("a: not selected in this run");
    run.claims = {refuted, confirmed, skipped};
    return run;
}

// junit.xml read back: the suite's attributes, and per test case its attributes and the one
// element inside it (failure, error or skipped), if any.
struct JunitCase {
    QXmlStreamAttributes attributes;
    QString kind;
    QString message;
};
struct JunitReport {
    QXmlStreamAttributes suite;
    std::vector<JunitCase> cases;
};

JunitReport readJunit(const QByteArray& xml)
{
    JunitReport report;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (reader.name() == QLatin1String("testsuite"))
            report.suite = reader.attributes();
        else if (reader.name() == QLatin1String("testcase"))
            report.cases.push_back({reader.attributes(), {}, {}});
        else if (QStringList({"failure", "error", "skipped"}).contains(reader.name().toString())
                 && !report.cases.empty())
            report.cases.back() = {report.cases.back().attributes, reader.name().toString(),
                                   reader.attributes().value(QStringLiteral("message")).toString()};
    }
    if (reader.hasError())
        qFatal("junit.xml does not parse: %s", qPrintable(reader.errorString()));
    return report;
}

QJsonObject readJsonFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

class TestCiFormats : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void junitValidatesAgainstTheSchema();
    void theSchemaCheckCatchesABrokenFile();
    void junitHasOneCasePerWorkloadWithItsVerdictLine();
    void bmfHasBencherShape();
    void githubEscapesAsTheToolkitDoes();
    void githubAnnotationsFollowTheGates();
    void githubActionsRunAnnotatesAndAppendsTheSummary();

private:
    QTemporaryDir m_dir;
};

void TestCiFormats::initTestCase()
{
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("xmllint")).isEmpty(),
             "xmllint is not installed (Debian: libxml2-utils; packaging/quickstart.sh installs it)");
    QVERIFY(QFile::exists(kSchema));
}

void TestCiFormats::junitValidatesAgainstTheSchema()
{
    const RunResult run = runWithGates();
    QString problems = schemaProblems(junitXml(run));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    // A run without anything (no host, no times, no workloads) is still a valid report, and so
    // is an error text with characters XML cannot carry.
    RunResult empty;
    problems = schemaProblems(junitXml(empty));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    RunResult odd = syntheticRun(5, 3);
    odd.results[3].error = QStringLiteral("child wrote \x01\x1b[31m <&> \"quoted\"");
    problems = schemaProblems(junitXml(odd));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestCiFormats::theSchemaCheckCatchesABrokenFile()
{
    // The validation is real: a report without the suite's required attributes fails it.
    const QByteArray broken = R"(<?xml version="1.0"?><testsuite name="x"><properties/>
        <testcase name="a" classname="b" time="1"/><system-out/><system-err/></testsuite>)";
    QVERIFY(!schemaProblems(broken).isEmpty());
}

void TestCiFormats::junitHasOneCasePerWorkloadWithItsVerdictLine()
{
    const RunResult run = runWithGates();
    const JunitReport report = readJunit(junitXml(run));
    QCOMPARE(report.suite.value(QStringLiteral("name")).toString(), QStringLiteral("synthetic-suite"));
    QCOMPARE(report.suite.value(QStringLiteral("timestamp")).toString(), QStringLiteral("2025-03-14T09:26:53"));
    QCOMPARE(report.cases.size(), run.results.size() + run.claims.size());

    int failures = 0, errors = 0;
    for (std::size_t i = 0; i < run.results.size(); ++i) {
        const Result& r = run.results[i];
        const JunitCase& c = report.cases[i];
        QCOMPARE(c.attributes.value(QStringLiteral("name")).toString(), r.info.id);
        QCOMPARE(c.attributes.value(QStringLiteral("classname")).toString(), categoryName(r.info.category));
        const bool regressed = r.baseline && r.baseline->isRegression();
        const bool budgetBroken = i == 0;
        if (r.status != Status::Ok) {
            ++errors;
            QCOMPARE(c.kind, QStringLiteral("error"));
            QVERIFY2(c.message.contains(r.error), qPrintable(r.info.id));
            continue;
        }
        QCOMPARE(c.kind == QLatin1String("failure"), regressed || budgetBroken);
        if (c.kind.isEmpty())
            continue;
        ++failures;
        if (regressed) {
            // The verdict line, as the terminal prints it.
            QVERIFY2(c.message.contains(r.baseline->explanation()), qPrintable(c.message));
            QVERIFY(c.message.startsWith(QLatin1String("regressed: ")));
        }
        if (budgetBroken)
            QVERIFY2(c.message.contains(QStringLiteral("budget failed: ") + budgetLine(run.budgets[0])),
                     qPrintable(c.message));
    }
    QVERIFY(failures >= 3); // the synthetic run regresses every fourth workload, and the budget
    QCOMPARE(errors, 1);
    // The claims: refuted fails, confirmed passes, skipped is skipped.
    const JunitCase& refuted = report.cases[run.results.size()];
    QCOMPARE(refuted.attributes.value(QStringLiteral("classname")).toString(), QStringLiteral("claim"));
    QCOMPARE(refuted.kind, QStringLiteral("failure"));
    QVERIFY2(refuted.message.startsWith(QLatin1String("refuted \"Typed events")), qPrintable(refuted.message));
    QCOMPARE(report.cases[run.results.size() + 1].kind, QString());
    QCOMPARE(report.cases[run.results.size() + 2].kind, QStringLiteral("skipped"));
    QCOMPARE(report.suite.value(QStringLiteral("failures")).toInt(), failures + 1);
    QCOMPARE(report.suite.value(QStringLiteral("errors")).toInt(), errors);
    QCOMPARE(report.suite.value(QStringLiteral("skipped")).toInt(), 1);
}

void TestCiFormats::bmfHasBencherShape()
{
    // Bencher's documented shape (bencher.dev/docs/reference/bencher-metric-format): an object
    // of benchmarks, each an object of measures, each an object with a number "value" and
    // optional number "lower_value" and "upper_value", nothing else.
    RunResult run = syntheticRun(10, 6);
    Result size;
    size.info.id = QStringLiteral("system.binary_size");
    size.info.category = Category::System;
    size.info.unit = QStringLiteral("bytes");
    for (int i = 0; i < 5; ++i)
        size.samples.push_back(Sample{1, 4.5e6, 0, 0});
    computeStatistics(size);
    run.results.push_back(size);

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bencherMetricJson(run), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isObject());
    const QJsonObject root = doc.object();
    int expected = 0;
    for (const Result& r : run.results) {
        if (r.status != Status::Ok) {
            QVERIFY2(!root.contains(r.info.id), qPrintable(r.info.id)); // nothing to report
            continue;
        }
        ++expected;
        QVERIFY2(root.value(r.info.id).isObject(), qPrintable(r.info.id));
    }
    QCOMPARE(root.size(), expected);
    for (auto benchmark = root.begin(); benchmark != root.end(); ++benchmark) {
        QVERIFY(!benchmark.key().isEmpty());
        const QJsonObject measures = benchmark.value().toObject();
        QVERIFY(!measures.isEmpty());
        for (auto measure = measures.begin(); measure != measures.end(); ++measure) {
            const QJsonObject m = measure.value().toObject();
            QVERIFY2(m.value(QStringLiteral("value")).isDouble(), qPrintable(benchmark.key()));
            for (const QString& key : m.keys())
                QVERIFY2(QStringList({"value", "lower_value", "upper_value"}).contains(key), qPrintable(key));
            if (m.contains(QStringLiteral("lower_value"))) {
                QVERIFY(m.value(QStringLiteral("lower_value")).toDouble()
                        <= m.value(QStringLiteral("value")).toDouble());
                QVERIFY(m.value(QStringLiteral("upper_value")).toDouble()
                        >= m.value(QStringLiteral("value")).toDouble());
            }
        }
    }
    // Times are Bencher's built-in latency (ns) at the median with its 95% interval; a size is
    // measured in its own unit.
    const Result& timed = run.results[0];
    const QJsonObject latency = root.value(timed.info.id)[QStringLiteral("latency")].toObject();
    QCOMPARE(latency.value(QStringLiteral("value")).toDouble(), timed.summary.median);
    QCOMPARE(latency.value(QStringLiteral("lower_value")).toDouble(), timed.summary.ci95.low);
    QCOMPARE(latency.value(QStringLiteral("upper_value")).toDouble(), timed.summary.ci95.high);
    QVERIFY(root.value(timed.info.id)[QStringLiteral("throughput")][QStringLiteral("value")].toDouble() > 0);
    QCOMPARE(
        root.value(QStringLiteral("system.binary_size"))[QStringLiteral("bytes")][QStringLiteral("value")].toDouble(),
        4.5e6);
}

void TestCiFormats::githubEscapesAsTheToolkitDoes()
{
    // As @actions/core's command.ts: data escapes %, CR and LF; a property also : and ,.
    QCOMPARE(github::escapeData(QStringLiteral("50%\r\nnext: a, b")), QStringLiteral("50%25%0D%0Anext: a, b"));
    QCOMPARE(github::escapeProperty(QStringLiteral("50%\r\nnext: a, b")), QStringLiteral("50%25%0D%0Anext%3A a%2C b"));
}

void TestCiFormats::githubAnnotationsFollowTheGates()
{
    const RunResult run = runWithGates();
    const int regressions = int(std::count_if(run.results.begin(), run.results.end(), [](const Result& r) {
        return r.baseline && r.baseline->isRegression();
    }));
    QVERIFY(regressions > 0);
    const QStringList warnings = github::annotations(run, false, false);
    QCOMPARE(warnings.size(), regressions + 2); // + the broken budget and the refuted claim
    for (const QString& line : warnings)
        QVERIFY2(line.startsWith(QLatin1String("::warning title=")), qPrintable(line));
    const QStringList gated = github::annotations(run, true, true);
    for (const QString& line : gated)
        QVERIFY2(line.startsWith(QLatin1String("::error title=")), qPrintable(line));
    const QStringList budgetOnly = github::annotations(run, false, true);
    QCOMPARE(budgetOnly.filter(QStringLiteral("::error")).size(), 2);
    QVERIFY(gated.filter(QStringLiteral("Budget broken%3A ") + run.results[0].info.id).size() == 1);
    // A regression its confirmation did not agree with fails no gate, and is not reported.
    RunResult unconfirmed = run;
    for (Result& r : unconfirmed.results)
        if (r.baseline && r.baseline->verdict == ChangeVerdict::Regressed)
            r.baseline->confirmation = ChangeVerdict::Unchanged;
    QCOMPARE(github::annotations(unconfirmed, true, true).filter(QStringLiteral("Regression")).size(), 0);
}

void TestCiFormats::githubActionsRunAnnotatesAndAppendsTheSummary()
{
    // Two runs of a command against one store: 10 ms, then 100 ms, a regression; a budget of
    // 1 ms on it broken both times. The second run is inside "GitHub Actions".
    const QString suite = writeTestFile(m_dir.filePath(QStringLiteral("suite.json")), QByteArray());
    auto writeSuite = [&](const char* seconds) {
        writeTestFile(suite,
                      QStringLiteral(R"({"name": "ci", "defaults": {"samples": 6, "rounds": 3, "warm_up_s": 0,
            "measurement_s": 0.2}, "workloads": [{"id": "cli.sleep", "command": ["sleep", "%1"]}],
            "budgets": [{"workload": "cli.sleep", "metric": "median_ms", "max": 1}]})")
                          .arg(QLatin1String(seconds))
                          .toUtf8());
    };
    const QString db = m_dir.filePath(QStringLiteral("history.sqlite"));
    auto args = [&](const QString& out) {
        return QStringList{QStringLiteral("--headless"),
                           QStringLiteral("--suite"),
                           suite,
                           QStringLiteral("--db"),
                           db,
                           QStringLiteral("--output-dir"),
                           m_dir.filePath(out),
                           QStringLiteral("--format"),
                           QStringLiteral("json,junit,bmf")};
    };
    QProcessEnvironment plain = QProcessEnvironment::systemEnvironment();
    plain.remove(QStringLiteral("GITHUB_ACTIONS"));
    plain.remove(QStringLiteral("GITHUB_STEP_SUMMARY"));
    writeSuite("0.01");
    const ProgramRun first = runProgram(args(QStringLiteral("first")), plain);
    QCOMPARE(first.exitCode, 0);
    QVERIFY2(!first.out.contains("::"), first.out.constData()); // outside GitHub Actions: none
    const QString problems = schemaProblems([&] {
        QFile f(m_dir.filePath(QStringLiteral("first/junit.xml")));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }());
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QVERIFY(readJsonFile(m_dir.filePath(QStringLiteral("first/bmf.json")))
                .value(QStringLiteral("cli.sleep"))[QStringLiteral("latency")][QStringLiteral("value")]
                .toDouble()
            > 5e6);

    const QString summary = writeTestFile(m_dir.filePath(QStringLiteral("step_summary.md")), "## An earlier step\n");
    QProcessEnvironment inGithub = plain;
    inGithub.insert(QStringLiteral("GITHUB_ACTIONS"), QStringLiteral("true"));
    inGithub.insert(QStringLiteral("GITHUB_STEP_SUMMARY"), summary);
    writeSuite("0.1");
    const ProgramRun second =
        runProgram(args(QStringLiteral("second")) << QStringLiteral("--fail-on-budget"), inGithub);
    QCOMPARE(second.exitCode, 4); // the budget gate
    const QString out = QString::fromUtf8(second.out);
    // The broken budget fails the gate asked for: an error; the regression (no gate asked
    // for it) a warning, with the verdict line.
    QVERIFY2(out.contains(QLatin1String("::error title=Budget broken%3A cli.sleep median_ms::budget failed: cli.sleep "
                                        "median_ms ")),
             qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("::warning title=Regression%3A cli.sleep::cli.sleep against previous run")),
             qPrintable(out));
    QVERIFY2(out.contains(QLatin1String(": regressed: +")), qPrintable(out));
    QFile appended(summary);
    QVERIFY(appended.open(QIODevice::ReadOnly));
    const QByteArray text = appended.readAll();
    QVERIFY2(text.startsWith("## An earlier step\n"), text.constData()); // appended, not replaced
    QVERIFY2(text.contains("## Crucible Bench: ci"), text.constData());
    QVERIFY2(text.contains("**regressed**"), text.constData());
}

QTEST_GUILESS_MAIN(TestCiFormats)
#include "tst_ciformats.moc"
