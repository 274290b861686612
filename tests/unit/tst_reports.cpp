// The text exports: CSV (RFC 4180, formula neutralisation), results.json, summary.md.
#include "Counted.h"
#include "CsvReader.h"
#include "ErrorText.h"
#include "export/Csv.h"
#include "export/TextReports.h"
#include "interop/ResultsJson.h"

#include <QtTest>

using namespace crucible;

namespace {

Result makeResult(const QString& id, const QString& description, std::vector<double> perIterationNs)
{
    Result r;
    r.info = {id, Category::Architecture, description};
    for (double v : perIterationNs)
        r.samples.push_back(Sample{10, v * 10, v * 9, 1 << 20});
    computeStatistics(r);
    return r;
}

RunResult makeRun()
{
    RunResult run;
    run.info = describeEnvironment();
    run.info.suiteName = QStringLiteral("=HYPERLINK(\"http://evil\")");
    run.info.started = QDateTime::currentDateTimeUtc();
    run.info.finished = run.info.started.addSecs(3);
    run.results.push_back(makeResult(QStringLiteral("architecture.a"), QStringLiteral("plain"), {100, 110, 105}));
    Result odd =
        makeResult(QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("has, comma\nand \"quotes\""), {5, 6, 7, 8});
    odd.status = Status::Failed;
    odd.error = QStringLiteral("-exit code 3, \"bad\"");
    run.results.push_back(odd);
    Result regressed = makeResult(QStringLiteral("architecture.slow"), QStringLiteral("slower"), {200, 210, 205});
    BaselineComparison against;
    against.name = QStringLiteral("main");
    against.median = 100;
    against.changePct = 105.0;
    against.ci95Pct = {95, 115};
    against.pValue = 0.001;
    against.verdict = ChangeVerdict::Regressed;
    regressed.baseline = against;
    run.results.push_back(regressed);
    return run;
}

} // namespace

class TestReports : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void textFieldsAreQuotedAndNeutralised_data();
    void textFieldsAreQuotedAndNeutralised();
    void numbersStayNumbers();
    void summaryCsvReadsBackStrictly();
    void samplesCsvHasOneRowPerSample();
    void jsonRoundTrips();
    void jsonRejectsForeignFiles();
    void markdownPutsRegressionsFirst();
    void markdownCountsInTheRightNumber();
    void durationsAreReadable();
};

void TestReports::textFieldsAreQuotedAndNeutralised_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("written");
    QTest::newRow("plain") << QStringLiteral("abc") << QStringLiteral("abc");
    QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
    QTest::newRow("formula =") << QStringLiteral("=1+2") << QStringLiteral("'=1+2");
    QTest::newRow("formula +") << QStringLiteral("+1") << QStringLiteral("'+1");
    QTest::newRow("formula -") << QStringLiteral("-2") << QStringLiteral("'-2");
    QTest::newRow("formula @") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("tab") << QStringLiteral("\tx") << QStringLiteral("'\tx");
    QTest::newRow("cr") << QStringLiteral("\rx") << QStringLiteral("\"'\rx\"");
    QTest::newRow("formula and comma") << QStringLiteral("=A1,B1") << QStringLiteral("\"'=A1,B1\"");
}

void TestReports::textFieldsAreQuotedAndNeutralised()
{
    QFETCH(QString, text);
    QFETCH(QString, written);
    QCOMPARE(csv::textField(text), written);
}

void TestReports::numbersStayNumbers()
{
    QCOMPARE(csv::numberField(-3.5), QStringLiteral("-3.5"));
    QCOMPARE(csv::numberField(1234567.25), QStringLiteral("1234567.25"));
    QCOMPARE(csv::numberField(std::nan("")), QString());
    QCOMPARE(csv::integerField(-42), QStringLiteral("-42"));
}

void TestReports::summaryCsvReadsBackStrictly()
{
    const RunResult run = makeRun();
    const auto rows = readCsvStrict(QString::fromUtf8(summaryCsv(run)));
    QVERIFY2(rows, "summary.csv must be valid RFC 4180");
    QCOMPARE(int(rows->size()), 4);
    // SPEC's 18 columns, then judged_change_pct, basis, noise_pct, unstable_at_sample, explanation.
    for (const QStringList& row : *rows)
        QCOMPARE(row.size(), 23);
    QCOMPARE(rows->at(0).mid(18),
             QStringList({"judged_change_pct", "basis", "noise_pct", "unstable_at_sample", "explanation"}));
    const QStringList odd = rows->at(2);
    QCOMPARE(odd[0], QStringLiteral("'=cmd|' /C calc'!A0")); // neutralised, not evaluated
    QCOMPARE(odd[2], QStringLiteral("failed"));
    QCOMPARE(odd[3], QStringLiteral("4"));
    QCOMPARE(odd[5].toDouble(), 6.5); // median of 5,6,7,8
    const QStringList regressed = rows->at(3);
    QCOMPARE(regressed[15].toDouble(), 105.0);
    QCOMPARE(regressed[17], QStringLiteral("regressed"));
    QVERIFY(regressed[22].startsWith(QStringLiteral("regressed: ")));
    QCOMPARE(rows->at(1)[15], QString()); // no baseline: empty change
}

void TestReports::samplesCsvHasOneRowPerSample()
{
    const auto rows = readCsvStrict(QString::fromUtf8(samplesCsv(makeRun())));
    QVERIFY(rows);
    QCOMPARE(int(rows->size()), 1 + 3 + 4 + 3);
    // Samples measured outside rounds have no round and no reference, and samples made up here
    // no start time: empty cells.
    QCOMPARE(rows->at(1), QStringList({"architecture.a", "0", "10", "100", "1048576", "", "", ""}));
}

void TestReports::jsonRoundTrips()
{
    const RunResult run = makeRun();
    const Expected<RunResult> back = runFromJson(runToJsonBytes(run));
    QVERIFY2(back, qPrintable(errorText(back)));
    QCOMPARE(back->info.suiteName, run.info.suiteName);
    QCOMPARE(back->info.host, run.info.host);
    QCOMPARE(back->info.started, run.info.started);
    QCOMPARE(back->results.size(), run.results.size());
    for (std::size_t i = 0; i < run.results.size(); ++i) {
        QCOMPARE(back->results[i].info.id, run.results[i].info.id);
        QCOMPARE(back->results[i].info.description, run.results[i].info.description);
        QCOMPARE(back->results[i].status, run.results[i].status);
        QCOMPARE(back->results[i].error, run.results[i].error);
        QCOMPARE(back->results[i].summary.median, run.results[i].summary.median);
        QCOMPARE(back->results[i].samples.size(), run.results[i].samples.size());
    }
    const QJsonObject o = resultToJson(run.results[2]);
    QCOMPARE(o[QStringLiteral("baseline")][QStringLiteral("verdict")].toString(), QStringLiteral("regressed"));
    QVERIFY(resultToJson(run.results[0])[QStringLiteral("baseline")].isNull());
}

void TestReports::jsonRejectsForeignFiles()
{
    const Expected<RunResult> broken = runFromJson("{ not json");
    QVERIFY(!broken);
    QCOMPARE(broken.error().kind, ErrorKind::Input);
    QVERIFY2(broken.error().message.startsWith(QStringLiteral("line 1, column 3: malformed JSON")),
             qPrintable(errorText(broken)));
    QVERIFY(errorText(runFromJson(R"({"context": {}, "benchmarks": []})")).contains(QStringLiteral("schema")));

    // Found by fuzz_results_json: a round outside the samples was indexed (a write before the
    // array), and out-of-range counts were converted to integers (undefined). Each is refused.
    QJsonObject doc = QJsonDocument::fromJson(runToJsonBytes(makeRun())).object();
    const auto withFirstWorkload = [&](const char* key, const QJsonValue& value) {
        QJsonObject changed = doc;
        QJsonArray workloads = changed[QStringLiteral("workloads")].toArray();
        QJsonObject w = workloads[0].toObject();
        w[QLatin1String(key)] = value;
        workloads[0] = w;
        changed[QStringLiteral("workloads")] = workloads;
        return QJsonDocument(changed).toJson();
    };
    QString error = errorText(runFromJson(withFirstWorkload("rounds", QJsonArray{QJsonArray{0, -5, 3, 1e6}})));
    QVERIFY2(error == QStringLiteral("workloads[0].rounds: a round lies outside the workload's 3 samples"),
             qPrintable(error));
    QVERIFY(!runFromJson(withFirstWorkload("rounds", QJsonArray{QJsonArray{0, 2147483000, 2147483000, 1e6}})));
    error = errorText(runFromJson(withFirstWorkload("sample_iterations", QJsonArray{1e30})));
    QVERIFY2(error.startsWith(QStringLiteral("workloads[0].sample_iterations[0]: expected a whole number")),
             qPrintable(error));
    error = errorText(runFromJson(withFirstWorkload("sample_rss_bytes", QJsonArray{-1})));
    QVERIFY2(error.startsWith(QStringLiteral("workloads[0].sample_rss_bytes[0]")), qPrintable(error));
    QVERIFY(runFromJson(withFirstWorkload("rounds", QJsonArray{QJsonArray{0, 0, 3, 1e6}}))); // fits
}

void TestReports::markdownPutsRegressionsFirst()
{
    const QString md = QString::fromUtf8(summaryMarkdown(makeRun()));
    const qsizetype regressed = md.indexOf(QStringLiteral("architecture.slow"));
    const qsizetype failed = md.indexOf(QStringLiteral("calc"));
    const qsizetype plain = md.indexOf(QStringLiteral("`architecture.a`"));
    QVERIFY(regressed > 0 && failed > regressed && plain > failed);
    QVERIFY(md.contains(QStringLiteral("**regressed**")));
    QVERIFY(md.contains(QStringLiteral("| verdict |")));
    QVERIFY(md.contains(QStringLiteral("+105.0%")));
    // Table cells cannot be broken by user text.
    QVERIFY(md.contains(QStringLiteral("=cmd\\|")));
}

void TestReports::markdownCountsInTheRightNumber()
{
    RunResult run = makeRun();
    run.info.host = QStringLiteral("vm");
    QVERIFY(QString::fromUtf8(summaryMarkdown(run)).contains(QStringLiteral("3 workloads on vm")));
    run.results.resize(1);
    const QString one = QString::fromUtf8(summaryMarkdown(run));
    QVERIFY2(one.contains(QStringLiteral("1 workload on vm")), qPrintable(one));
    // The helper every count in the terminal and the reports goes through.
    QCOMPARE(counted(0, QStringLiteral("claim")), QStringLiteral("0 claims"));
    QCOMPARE(counted(1, QStringLiteral("finished workload")), QStringLiteral("1 finished workload"));
    QCOMPARE(counted(2, QStringLiteral("process"), QStringLiteral("processes")), QStringLiteral("2 processes"));
}

void TestReports::durationsAreReadable()
{
    QCOMPARE(formatDuration(5.25), QStringLiteral("5.25 ns"));
    QCOMPARE(formatDuration(1234), QStringLiteral("1.23 µs"));
    QCOMPARE(formatDuration(52.5e6), QStringLiteral("52.50 ms"));
    QCOMPARE(formatBytes(3.0 * 1024 * 1024), QStringLiteral("3.0 MiB"));
}

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
