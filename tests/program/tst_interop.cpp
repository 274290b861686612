// Google Benchmark and hyperfine JSON: reading both (tests/support/fixtures holds real output of both
// tools), writing gbench.json, the Mann-Whitney p-value against scipy's default, and the real
// program's --compare and --import.
#include "Comparison.h"
#include "ErrorText.h"
#include "ProgramRun.h"
#include "RelativeCompare.h"
#include "Statistics.h"
#include "TestFiles.h"
#include "export/ReportFiles.h"
#include "export/TextReports.h"
#include "history/HistoryStore.h"
#include "interop/GbenchJson.h"
#include "interop/GbenchWriter.h"
#include "interop/HyperfineJson.h"
#include "interop/ResultsJson.h"

#include <QtTest>

using namespace crucible;
using Values = std::vector<double>;

namespace {

const QString kFixtures = QStringLiteral(CRUCIBLE_FIXTURES);

QByteArray fixture(const QString& name)
{
    QFile f(kFixtures + QLatin1Char('/') + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the fixture %s", qPrintable(f.fileName()));
    return f.readAll();
}

const Result* find(const RunResult& run, const QString& id)
{
    for (const Result& r : run.results)
        if (r.info.id == id)
            return &r;
    return nullptr;
}

// The Google Benchmark fixture with the repetitions of `runName` (every benchmark's when empty)
// `factor` times slower, as a second file for --compare.
QByteArray slowedGbenchSample(const QString& runName, double factor)
{
    QJsonObject doc = QJsonDocument::fromJson(fixture(QStringLiteral("gbench_sample.json"))).object();
    QJsonArray rows = doc[QStringLiteral("benchmarks")].toArray();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QJsonObject o = rows[i].toObject();
        if ((runName.isEmpty() || o[QStringLiteral("run_name")].toString() == runName)
            && o[QStringLiteral("run_type")].toString() == QLatin1String("iteration"))
            o[QStringLiteral("real_time")] = o[QStringLiteral("real_time")].toDouble() * factor;
        rows[i] = o;
    }
    doc[QStringLiteral("benchmarks")] = rows;
    return QJsonDocument(doc).toJson();
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    return writeTestFile(dir.filePath(name), bytes);
}

} // namespace

class TestInterop : public QObject {
    Q_OBJECT

private slots:
    void gbenchSampleFieldByField()
    {
        const Expected<RunResult> run =
            parseGbenchJson(fixture(QStringLiteral("gbench_sample.json")), QStringLiteral("gbench_sample.json"));
        QVERIFY2(run, qPrintable(errorText(run)));
        QCOMPARE(run->info.suiteName, QStringLiteral("gb")); // executable "./gb"
        QCOMPARE(run->info.host, QStringLiteral("vm"));
        QCOMPARE(run->info.cpuCount, 2);
        QCOMPARE(run->info.cpu, QStringLiteral("1996 MHz"));
        QCOMPARE(run->info.started, QDateTime(QDate(2026, 11, 27), QTime(0, 39, 7), Qt::UTC));
        QCOMPARE(run->info.toolVersion, QStringLiteral("Google Benchmark (debug build of the library)"));
        QCOMPARE(run->info.sampleCount, 5);

        // Five Range instances, two Args, one with repetitions; BigO and RMS are no benchmark.
        const QStringList ids{"BM_SortInts/256",    "BM_SortInts/1024",         "BM_SortInts/4096",
                              "BM_SortInts/16384",  "BM_SortInts/65536",        "BM_MapInsert/1000",
                              "BM_MapInsert/10000", "BM_StringConcat/repeats:5"};
        QCOMPARE(int(run->results.size()), ids.size());
        for (int i = 0; i < ids.size(); ++i) {
            const Result& r = run->results[std::size_t(i)];
            QCOMPARE(r.info.id, ids[i]);
            QCOMPARE(r.info.category, Category::External);
            QCOMPARE(r.info.unit, QStringLiteral("ns"));
            QCOMPARE(r.status, Status::Ok);
            QCOMPARE(int(r.samples.size()), i == 7 ? 5 : 1);
        }
        const Result& sort = run->results[0];
        QCOMPARE(sort.samples[0].iterations, std::uint64_t(26410));
        COMPARE_REL(sort.samples[0].elapsedNs, 2.6259333964410098e+03 * 26410, 1e-15);
        COMPARE_REL(sort.samples[0].cpuNs, 2.6244107156380164e+03 * 26410, 1e-15);
        COMPARE_REL(sort.summary.median, 2.6259333964410098e+03, 1e-15);
        COMPARE_REL(sort.throughputPerS, 1e9 / 2.6259333964410098e+03, 1e-12);

        // The repetitions are the samples; the statistics recomputed from them agree with the
        // aggregate rows Google Benchmark wrote beside them.
        const Result& concat = run->results[7];
        const double real[] = {1.2939332030970852e+03, 1.2249686715891244e+03, 1.2268716574672569e+03,
                               1.2573630905445250e+03, 1.2585309520399460e+03};
        for (std::size_t i = 0; i < 5; ++i) {
            QCOMPARE(concat.samples[i].iterations, std::uint64_t(55796));
            COMPARE_REL(concat.samples[i].perIterationNs(), real[i], 1e-15);
        }
        COMPARE_REL(concat.samples[4].cpuNs / 55796, 1.2503345759552656e+03, 1e-15);
        COMPARE_REL(concat.summary.mean, 1.2523335149475874e+03, 1e-12);   // _mean
        COMPARE_REL(concat.summary.median, 1.2573630905445250e+03, 1e-15); // _median
        COMPARE_REL(concat.summary.stddev, 2.8246149072556062e+01, 1e-9);  // _stddev
        COMPARE_REL(concat.summary.cv, 2.2554813662188238e-02, 1e-9);      // _cv
    }

    void gbenchErrorsUnitsAndThreads()
    {
        const Expected<RunResult> run =
            parseGbenchJson(fixture(QStringLiteral("gbench_error_units_threads.json")), QStringLiteral("e.json"));
        QVERIFY2(run, qPrintable(errorText(run)));
        QCOMPARE(int(run->results.size()), 3);
        const Result* failed = find(*run, QStringLiteral("BM_Fail"));
        QVERIFY(failed);
        QCOMPARE(failed->status, Status::Failed);
        QCOMPARE(failed->error, QStringLiteral("could not open the input"));
        QVERIFY(failed->samples.empty());
        // time_unit "us": per-iteration times in ns.
        const Result* vec = find(*run, QStringLiteral("BM_Vec/64/repeats:3"));
        QVERIFY(vec);
        QCOMPARE(int(vec->samples.size()), 3);
        COMPARE_REL(vec->samples[0].perIterationNs(), 5.1505618051535564e-02 * 1e3, 1e-15);
        COMPARE_REL(vec->samples[2].cpuNs, 4.8478207979385048e-02 * 1e3 * 291827, 1e-15);
        QVERIFY(find(*run, QStringLiteral("BM_Thr/threads:2")));
    }

    void gbenchAggregatesOnlyIsRefused()
    {
        const Expected<RunResult> run =
            parseGbenchJson(fixture(QStringLiteral("gbench_aggregates_only.json")), QStringLiteral("agg.json"));
        QVERIFY(!run);
        QCOMPARE(run.error().kind, ErrorKind::Input);
        QCOMPARE(
            run.error().message,
            QStringLiteral("agg.json: benchmarks[0]: \"BM_Thr/threads:2\" has only aggregate rows (mean, median, ...): "
                           "run it without --benchmark_report_aggregates_only to keep each repetition as a sample"));
    }

    void hyperfineSampleFieldByField()
    {
        const Expected<RunResult> run = parseHyperfineJson(fixture(QStringLiteral("hyperfine_sample.json")),
                                                           QStringLiteral("dir/hyperfine_sample.json"));
        QVERIFY2(run, qPrintable(errorText(run)));
        QCOMPARE(run->info.suiteName, QStringLiteral("hyperfine_sample"));
        QCOMPARE(run->info.toolVersion, QStringLiteral("hyperfine"));
        QVERIFY(!run->info.started.isValid()); // hyperfine writes no date
        QCOMPARE(run->info.sampleCount, 20);
        QCOMPARE(int(run->results.size()), 2);
        const Result& sleep = run->results[0];
        QCOMPARE(sleep.info.id, QStringLiteral("cli.hyperfine/command=sleep 0.01"));
        QCOMPARE(sleep.info.category, Category::Cli);
        QCOMPARE(sleep.info.parameters.value(QStringLiteral("command")).toString(), QStringLiteral("sleep 0.01"));
        QCOMPARE(sleep.status, Status::Ok);
        QCOMPARE(int(sleep.samples.size()), 20);
        for (const Sample& s : sleep.samples)
            QCOMPARE(s.iterations, std::uint64_t(1));
        COMPARE_REL(sleep.samples[0].elapsedNs, 0.010893926e9, 1e-15);
        COMPARE_REL(sleep.samples[19].elapsedNs, 0.011048616e9, 1e-15);
        COMPARE_REL(sleep.userNs, 0.00069905 * 1e9 * 20, 1e-12); // mean per run × runs
        COMPARE_REL(sleep.sysNs, 0.00013 * 1e9 * 20, 1e-12);
        // hyperfine's own statistics, recomputed from the times.
        COMPARE_REL(sleep.summary.mean, 0.011082409199999999e9, 1e-12);
        COMPARE_REL(sleep.summary.median, 0.011046497e9, 1e-12);
        COMPARE_REL(sleep.summary.stddev, 0.0001788427132967019e9, 1e-9);
        COMPARE_REL(sleep.summary.min, 0.010888034000000001e9, 1e-15);
        QCOMPARE(sleep.peakRssBytes, std::int64_t(0)); // hyperfine 1.15 measures no memory
        QCOMPARE(run->results[1].info.id, QStringLiteral("cli.hyperfine/command=true"));
        COMPARE_REL(run->results[1].summary.median, 0.0005562375000000001e9, 1e-12);
    }

    void hyperfineMemoryExitCodesAndDuplicates()
    {
        // The fields hyperfine 1.19+ adds (memory_usage_byte per run), --parameter-scan's
        // parameters, a failing command under --ignore-failure, and one killed by a signal.
        const QByteArray json = R"({"results": [
            {"command": "grep -c x data", "mean": 0.002, "user": 0.001, "system": 0.0005, "times": [0.001, 0.002, 0.003],
             "memory_usage_byte": [1048576, 2097152, 1572864], "exit_codes": [0, 1, 0], "parameters": {"size": "4"}},
            {"command": "grep -c x data", "times": [0.5], "exit_codes": [null]},
            {"command": "true", "times": [0.0004, 0.0005], "exit_codes": [0, 0]}]})";
        const Expected<RunResult> run = parseHyperfineJson(json, QStringLiteral("h.json"));
        QVERIFY2(run, qPrintable(errorText(run)));
        QCOMPARE(int(run->results.size()), 3);
        const Result& grep = run->results[0];
        QCOMPARE(grep.samples[1].rssBytes, std::int64_t(2097152));
        QCOMPARE(grep.peakRssBytes, std::int64_t(2097152));
        QCOMPARE(grep.info.parameters.value(QStringLiteral("size")).toString(), QStringLiteral("4"));
        QCOMPARE(grep.status, Status::Failed);
        QCOMPARE(grep.error, QStringLiteral("exited with a non-zero code (first: 1) in 1 of 3 runs"));
        QCOMPARE(run->results[1].info.id, QStringLiteral("cli.hyperfine/command=grep -c x data/instance=2"));
        QCOMPARE(run->results[1].status, Status::Crashed);
        QCOMPARE(run->results[1].error, QStringLiteral("killed by a signal in 1 of 1 runs"));
        QCOMPARE(run->results[2].status, Status::Ok);
    }

    void malformedInput_data()
    {
        QTest::addColumn<bool>("hyperfine");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const QByteArray row =
            R"("name": "BM_A", "run_type": "iteration", "iterations": 10, "real_time": 1.5, "cpu_time": 1.4, "time_unit": "ns")";
        // The error sits on the ']' of line 3, its 23rd character (the two-byte "é" counts once).
        QTest::newRow("gbench broken JSON")
            << false << QByteArray("{\n  \"context\": {},\n  \"benchmarks\": [\"é\", ]\n}")
            << "g.json: line 3, column 23: malformed JSON: object is missing after a comma";
        QTest::newRow("gbench truncated") << false << QByteArray("{\"context\": {},\n \"benchmarks\": [")
                                          << "g.json: line 2, column 16: malformed JSON: unterminated array";
        QTest::newRow("not an object") << false << QByteArray("[1, 2]") << "g.json: expected an object, got an array";
        QTest::newRow("no benchmarks key")
            << false << QByteArray(R"({"context": {}})") << "g.json: benchmarks: missing (required)";
        QTest::newRow("benchmarks not an array") << false << QByteArray(R"({"context": {}, "benchmarks": {}})")
                                                 << "g.json: benchmarks: expected an array, got an object";
        QTest::newRow("no benchmarks") << false << QByteArray(R"({"context": {}, "benchmarks": []})")
                                       << "g.json: benchmarks: no benchmarks (an empty array)";
        QTest::newRow("real_time a string")
            << false
            << QByteArray(
                   R"({"context": {}, "benchmarks": [{)" + row
                   + R"(}, {"name": "BM_B", "iterations": 1, "real_time": "fast", "cpu_time": 1, "time_unit": "ns"}]})")
            << "g.json: benchmarks[1].real_time: expected a number, got \"fast\"";
        QTest::newRow("unknown time unit")
            << false
            << QByteArray(
                   R"({"context": {}, "benchmarks": [{"name": "BM_A", "iterations": 1, "real_time": 1, "cpu_time": 1, "time_unit": "ps"}]})")
            << "g.json: benchmarks[0].time_unit: expected one of ns, us, ms, s, got \"ps\"";
        QTest::newRow("zero iterations")
            << false
            << QByteArray(
                   R"({"context": {}, "benchmarks": [{"name": "BM_A", "iterations": 0, "real_time": 1, "cpu_time": 1, "time_unit": "ns"}]})")
            << "g.json: benchmarks[0].iterations: expected a whole number of at least 1, got 0";
        QTest::newRow("num_cpus a string")
            << false << QByteArray(R"({"context": {"num_cpus": "two"}, "benchmarks": [{)" + row + "}]}")
            << "g.json: context.num_cpus: expected a number, got \"two\"";
        QTest::newRow("hyperfine broken JSON")
            << true << QByteArray("{\"results\": [\n  {\"command\": \"true\" \"times\": [1]}]}")
            << "h.json: line 2, column 22: malformed JSON: unterminated object";
        QTest::newRow("no results") << true << QByteArray(R"({"results": []})")
                                    << "h.json: results: no benchmark results (an empty array)";
        QTest::newRow("no command") << true << QByteArray(R"({"results": [{"times": [1]}]})")
                                    << "h.json: results[0].command: missing (required)";
        QTest::newRow("time null") << true << QByteArray(R"({"results": [{"command": "true", "times": [1, 2, null]}]})")
                                   << "h.json: results[0].times[2]: expected a number, got null";
        QTest::newRow("no times") << true << QByteArray(R"({"results": [{"command": "true", "times": []}]})")
                                  << "h.json: results[0].times: no run times (an empty array)";
        QTest::newRow("exit codes per run")
            << true << QByteArray(R"({"results": [{"command": "true", "times": [1, 2], "exit_codes": [0]}]})")
            << "h.json: results[0].exit_codes: expected one entry per run (2, as in \"times\"), got 1";
        QTest::newRow("negative memory")
            << true << QByteArray(R"({"results": [{"command": "true", "times": [1], "memory_usage_byte": [-5]}]})")
            << "h.json: results[0].memory_usage_byte[0]: expected a whole number of at least 0, got -5";
        // Found by fuzz_hyperfine_json: a time in range for a double but not once in nanoseconds
        // (it read as infinity, which results.json cannot carry).
        QTest::newRow("time beyond nanoseconds")
            << true << QByteArray(R"({"results": [{"command": "true", "times": [1, 5.8e304]}]})")
            << "h.json: results[0].times[1]: 5.8e+304 is too large a time to count in nanoseconds";
    }

    void malformedInput()
    {
        QFETCH(bool, hyperfine);
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const Expected<RunResult> run = hyperfine ? parseHyperfineJson(json, QStringLiteral("h.json"))
                                                  : parseGbenchJson(json, QStringLiteral("g.json"));
        QVERIFY(!run);
        QCOMPARE(run.error().message, message);
    }

    void mannWhitneyMatchesScipyDefault_data()
    {
        QTest::addColumn<Values>("a");
        QTest::addColumn<Values>("b");
        QTest::addColumn<double>("u");
        QTest::addColumn<double>("p");
        // scipy 1.10.1: r = scipy.stats.mannwhitneyu(a, b, alternative='two-sided') (default
        // method 'auto': exact when either sample has <= 8 values and there are no ties, else
        // the normal approximation with tie and continuity corrections) -> r.statistic, r.pvalue.
        // The method="asymptotic" p of the exact rows, for contrast: 0.2556231075464126,
        // 0.08085559837005224, 0.01508725549440648, 0.0019475275859466652, 0.5694645339795578.
        QTest::newRow("exact 5 vs 7") << Values{1.83, 0.5, 1.62, 2.48, 1.68}
                                      << Values{0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.061} << 25.0
                                      << 0.26767676767676774;
        QTest::newRow("exact 3 vs 3 apart") << Values{1, 2, 3} << Values{4, 5, 6} << 0.0 << 0.1;
        QTest::newRow("exact 8 vs 12") << Values{10.1, 11.3, 9.7, 12.2, 10.8, 11.9, 9.2, 10.4}
                                       << Values{11.6, 12.9, 13.3, 10.6, 12.4, 13.8, 11.1, 12.7, 14.2, 9.9, 13.1, 12.05}
                                       << 16.0 << 0.012399777724855125;
        Values a8;
        Values b8;
        for (double k : {3, 1, 4, 15, 9, 2, 6, 5})
            a8.push_back(1e-9 * k);
        for (double k : {35, 8, 97, 93, 23, 84, 62, 64})
            b8.push_back(1e-9 * k);
        QTest::newRow("exact 8 vs 8") << a8 << b8 << 2.0 << 0.0006216006216006216;
        Values b200; // b = [(i * 7919 % 1009) / 10.0 for i in range(1, 201)]
        for (int i = 1; i <= 200; ++i)
            b200.push_back(double(i * 7919 % 1009) / 10.0);
        QTest::newRow("exact 4 vs 200") << Values{12.34, 45.67, 78.95, 99.95} << b200 << 467.0 << 0.5828192112645573;
        // The far tail of the exact distribution: a = range(8), b = 100 + range(500).
        Values a8low;
        Values b500;
        for (int i = 0; i < 8; ++i)
            a8low.push_back(i);
        for (int i = 0; i < 500; ++i)
            b500.push_back(100 + i);
        QTest::newRow("exact 8 vs 500 tail") << a8low << b500 << 0.0 << 1.9217504348472506e-17;
        QTest::newRow("asymptotic 9 vs 9")
            << Values{10.1, 11.3, 9.7, 12.2, 10.8, 11.9, 9.2, 10.4, 10.95}
            << Values{11.6, 12.9, 13.3, 10.6, 12.4, 13.8, 11.1, 12.7, 14.2} << 10.0 << 0.008071487425268009;
        QTest::newRow("small with ties") << Values{1, 2, 2, 3, 5} << Values{2, 3, 4, 4, 6, 7} << 6.5
                                         << 0.13862587987892763;
        QTest::newRow("larger with ties")
            << Values{56, 54, 47, 45, 52, 47, 50, 53, 45, 44, 51, 50, 49, 50, 47, 45, 50, 47, 45, 52}
            << Values{52, 53, 49, 50, 49, 49, 53, 50, 53, 53, 58, 48, 55,
                      52, 52, 48, 51, 54, 52, 52, 51, 55, 52, 45, 50}
            << 143.0 << 0.014309875682266637;
    }

    void mannWhitneyMatchesScipyDefault()
    {
        QFETCH(Values, a);
        QFETCH(Values, b);
        QFETCH(double, u);
        QFETCH(double, p);
        const stats::MannWhitney ab = stats::mannWhitneyU(a, b);
        QCOMPARE(ab.u, u);
        COMPARE_REL(ab.pValue, p, 1e-9);
        COMPARE_REL(stats::mannWhitneyU(b, a).pValue, p, 1e-9);
        // The verdicts use the same p-value.
        COMPARE_REL(compareSamples(a, b).pValue, p, 1e-9);
    }

    void gbenchJsonRoundTrip()
    {
        RunResult run;
        run.info.suiteName = QStringLiteral("round-trip");
        run.info.started = QDateTime(QDate(2025, 6, 1), QTime(12, 30, 5), Qt::OffsetFromUTC, 2 * 3600);
        run.info.host = QStringLiteral("elsewhere-host"); // another host: no machine facts
        run.info.cpuCount = 12;
        auto result = [](const QString& id, const QString& unit, std::vector<Sample> samples) {
            Result r;
            r.info.id = id;
            r.info.unit = unit;
            r.samples = std::move(samples);
            computeStatistics(r);
            return r;
        };
        run.results.push_back(result(QStringLiteral("system.file_write/size=4KiB"), QStringLiteral("ns"),
                                     {Sample{100, 1.0e5, 0.9e5, 0, 0, 0}, Sample{120, 1.32e5, 1.2e5, 0, 0, 0},
                                      Sample{100, 1.05e5, 1.0e5, 0, 0, 0}}));
        run.results.push_back(result(QStringLiteral("system.file_write/size=1MiB"), QStringLiteral("ns"),
                                     {Sample{3, 3.3e7, 3.0e7, 0, 0, 0}}));
        run.results.push_back(
            result(QStringLiteral("system.binary_size"), QStringLiteral("bytes"), {Sample{1, 4.5e6, 0, 0, 0, 0}}));
        Result failed = result(QStringLiteral("cli.broken"), QStringLiteral("ns"), {});
        failed.status = Status::Timeout;
        failed.error = QStringLiteral("timed out after 10 s");
        run.results.push_back(failed);

        GbenchMachine machine;
        machine.mhzPerCpu = 3000;
        machine.cpuScalingEnabled = true;
        machine.caches = QJsonArray{QJsonObject{{"type", "Data"}, {"level", 1}, {"size", 32768}, {"num_sharing", 2}}};
        machine.loadAvg = QJsonArray{0.5, 0.25, 0.125};
        const QJsonObject doc = runToGbenchJson(run, machine);
        const QJsonObject context = doc[QStringLiteral("context")].toObject();
        QCOMPARE(context[QStringLiteral("date")].toString(), QStringLiteral("2025-06-01T12:30:05+02:00"));
        QCOMPARE(context[QStringLiteral("host_name")].toString(), QStringLiteral("elsewhere-host"));
        QCOMPARE(context[QStringLiteral("executable")].toString(), QCoreApplication::applicationFilePath());
        QCOMPARE(context[QStringLiteral("num_cpus")].toInt(), 12);
        QCOMPARE(context[QStringLiteral("mhz_per_cpu")].toDouble(), 3000.0);
        QCOMPARE(context[QStringLiteral("cpu_scaling_enabled")].toBool(), true);
        QCOMPARE(context[QStringLiteral("caches")].toArray(), machine.caches);
        QCOMPARE(context[QStringLiteral("load_avg")].toArray(), machine.loadAvg);
        QVERIFY(context[QStringLiteral("library_build_type")].toString() == QLatin1String("release")
                || context[QStringLiteral("library_build_type")].toString() == QLatin1String("debug"));

        // 3 repetitions + 4 aggregates, 1 repetition, the timeout as an error row; bytes left out.
        const QJsonArray rows = doc[QStringLiteral("benchmarks")].toArray();
        QCOMPARE(rows.size(), 9);
        const QString small = QStringLiteral("system.file_write/size=4KiB");
        const double real[] = {1.0e3, 1.1e3, 1.05e3};
        const double cpu[] = {0.9e3, 1.0e3, 1.0e3};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject o = rows[i].toObject();
            QCOMPARE(o[QStringLiteral("name")].toString(), small);
            QCOMPARE(o[QStringLiteral("run_name")].toString(), small);
            QCOMPARE(o[QStringLiteral("run_type")].toString(), QStringLiteral("iteration"));
            QCOMPARE(o[QStringLiteral("family_index")].toInt(), 0);
            QCOMPARE(o[QStringLiteral("per_family_instance_index")].toInt(), 0);
            QCOMPARE(o[QStringLiteral("repetitions")].toInt(), 3);
            QCOMPARE(o[QStringLiteral("repetition_index")].toInt(), i);
            QCOMPARE(o[QStringLiteral("threads")].toInt(), 1);
            QCOMPARE(o[QStringLiteral("iterations")].toInt(), i == 1 ? 120 : 100);
            COMPARE_REL(o[QStringLiteral("real_time")].toDouble(), real[i], 1e-15);
            COMPARE_REL(o[QStringLiteral("cpu_time")].toDouble(), cpu[i], 1e-15);
            QCOMPARE(o[QStringLiteral("time_unit")].toString(), QStringLiteral("ns"));
        }
        const char* const names[] = {"mean", "median", "stddev", "cv"};
        const double realAggregates[] = {1.05e3, 1.05e3, 50.0, 50.0 / 1.05e3};
        const double cpuAggregates[] = {
            2.9e3 / 3, 1.0e3,
            std::sqrt(((0.9e3 - 2.9e3 / 3) * (0.9e3 - 2.9e3 / 3) + 2 * (1e3 - 2.9e3 / 3) * (1e3 - 2.9e3 / 3)) / 2), 0};
        for (int i = 0; i < 4; ++i) {
            const QJsonObject o = rows[3 + i].toObject();
            QCOMPARE(o[QStringLiteral("name")].toString(), small + QLatin1Char('_') + QLatin1String(names[i]));
            QCOMPARE(o[QStringLiteral("run_name")].toString(), small);
            QCOMPARE(o[QStringLiteral("run_type")].toString(), QStringLiteral("aggregate"));
            QCOMPARE(o[QStringLiteral("aggregate_name")].toString(), QLatin1String(names[i]));
            QCOMPARE(o[QStringLiteral("aggregate_unit")].toString(), QLatin1String(i == 3 ? "percentage" : "time"));
            QCOMPARE(o[QStringLiteral("repetitions")].toInt(), 3);
            QCOMPARE(o[QStringLiteral("iterations")].toInt(), 3);
            QVERIFY(!o.contains(QStringLiteral("repetition_index")));
            COMPARE_REL(o[QStringLiteral("real_time")].toDouble(), realAggregates[i], 1e-12);
            if (i < 3)
                COMPARE_REL(o[QStringLiteral("cpu_time")].toDouble(), cpuAggregates[i], 1e-12);
        }
        const QJsonObject large = rows[7].toObject();
        QCOMPARE(large[QStringLiteral("name")].toString(), QStringLiteral("system.file_write/size=1MiB"));
        QCOMPARE(large[QStringLiteral("family_index")].toInt(), 0);              // same family,
        QCOMPARE(large[QStringLiteral("per_family_instance_index")].toInt(), 1); // second instance
        QCOMPARE(large[QStringLiteral("repetitions")].toInt(), 1);
        const QJsonObject broken = rows[8].toObject();
        QCOMPARE(broken[QStringLiteral("family_index")].toInt(), 1);
        QCOMPARE(broken[QStringLiteral("error_occurred")].toBool(), true);
        QCOMPARE(broken[QStringLiteral("error_message")].toString(), QStringLiteral("timed out after 10 s"));

        // And back through the reader.
        const Expected<RunResult> back = parseGbenchJson(QJsonDocument(doc).toJson(), QStringLiteral("gbench.json"));
        QVERIFY2(back, qPrintable(errorText(back)));
        QCOMPARE(back->info.started, run.info.started);
        QCOMPARE(back->info.host, run.info.host);
        QCOMPARE(back->info.cpuCount, 12);
        QCOMPARE(back->info.cpu, QStringLiteral("3000 MHz"));
        QCOMPARE(back->info.suiteName, QFileInfo(QCoreApplication::applicationFilePath()).fileName());
        QCOMPARE(int(back->results.size()), 3);
        for (int w = 0; w < 2; ++w) {
            const Result& before = run.results[std::size_t(w)];
            const Result& after = back->results[std::size_t(w)];
            QCOMPARE(after.info.id, before.info.id);
            QCOMPARE(after.status, Status::Ok);
            QCOMPARE(after.samples.size(), before.samples.size());
            for (std::size_t i = 0; i < before.samples.size(); ++i) {
                QCOMPARE(after.samples[i].iterations, before.samples[i].iterations);
                COMPARE_REL(after.samples[i].elapsedNs, before.samples[i].elapsedNs, 1e-15);
                COMPARE_REL(after.samples[i].cpuNs, before.samples[i].cpuNs, 1e-15);
            }
            COMPARE_REL(after.summary.median, before.summary.median, 1e-15);
        }
        QCOMPARE(back->results[2].info.id, QStringLiteral("cli.broken"));
        QCOMPARE(back->results[2].status, Status::Failed); // gbench knows only "error occurred"
        QCOMPARE(back->results[2].error, QStringLiteral("timed out after 10 s"));

        // --format gbench: writeReportFiles writes gbench.json.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Expected<QStringList> written = writeReportFiles(run, dir.path(), {QStringLiteral("gbench")});
        QVERIFY2(written, qPrintable(errorText(written)));
        QCOMPARE(*written, QStringList{QStringLiteral("gbench.json")});
        QFile file(dir.filePath(QStringLiteral("gbench.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(parseGbenchJson(file.readAll(), file.fileName()));
    }

    void thisMachineFacts()
    {
        // What gbench.json's context reads from this machine, where the machine tells it.
        const GbenchMachine machine = describeThisMachine();
        QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
        const bool cpuinfoHasMhz = cpuinfo.open(QIODevice::ReadOnly) && cpuinfo.readAll().contains("cpu MHz");
        if (cpuinfoHasMhz || QFile::exists(QStringLiteral("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq")))
            QVERIFY2(machine.mhzPerCpu > 0, "the CPU frequency is there to read");
        const QStringList indexes = QDir(QStringLiteral("/sys/devices/system/cpu/cpu0/cache"))
                                        .entryList({QStringLiteral("index*")}, QDir::Dirs);
        QCOMPARE(machine.caches.size(), indexes.size());
        for (const QJsonValue& cache : machine.caches) {
            QVERIFY(cache[QStringLiteral("size")].toDouble() > 0);
            QVERIFY(cache[QStringLiteral("num_sharing")].toInt() >= 1);
        }
        QCOMPARE(machine.loadAvg.size(), 3);
    }

    void programCompare()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString a = kFixtures + QStringLiteral("/gbench_sample.json");
        // B: the same file with BM_StringConcat's repetitions 1.5 times slower.
        const QString b = writeFile(dir, QStringLiteral("slower.json"),
                                    slowedGbenchSample(QStringLiteral("BM_StringConcat/repeats:5"), 1.5));

        const ProgramRun compared = runProgram({QStringLiteral("--compare"), a, b, QStringLiteral("--json")});
        QVERIFY2(compared.exitCode == 0, compared.err.constData());
        const QJsonArray table = QJsonDocument::fromJson(compared.out).array();
        QCOMPARE(table.size(), 8);
        for (const QJsonValue& v : table) {
            const QJsonObject row = v.toObject();
            if (row[QStringLiteral("id")].toString() == QLatin1String("BM_StringConcat/repeats:5")) {
                COMPARE_REL(row[QStringLiteral("change_pct")].toDouble(), 50.0, 1e-9);
                // scipy.stats.mannwhitneyu(a5, b5, alternative='two-sided') with every b above
                // every a: the exact p, 2 / C(10, 5).
                COMPARE_REL(row[QStringLiteral("p_value")].toDouble(), 2.0 / 252.0, 1e-12);
                QCOMPARE(row[QStringLiteral("verdict")].toString(), QStringLiteral("regressed"));
            } else {
                QCOMPARE(row[QStringLiteral("change_pct")].toDouble(), 0.0);
                QCOMPARE(row[QStringLiteral("verdict")].toString(), QStringLiteral("unchanged"));
            }
        }

        // Our results.json on one side, Google Benchmark JSON on the other.
        const Expected<RunResult> parsed = parseGbenchJson(fixture(QStringLiteral("gbench_sample.json")), a);
        QVERIFY2(parsed, qPrintable(errorText(parsed)));
        const QString ours = writeFile(dir, QStringLiteral("results.json"), runToJsonBytes(*parsed));
        const ProgramRun mixed = runProgram({QStringLiteral("--compare"), ours, b});
        QVERIFY2(mixed.exitCode == 0, mixed.err.constData());
        QVERIFY(mixed.out.contains("BM_StringConcat/repeats:5"));
        QVERIFY(mixed.out.contains("regressed"));

        const QString broken =
            writeFile(dir, QStringLiteral("broken.json"), "{\n  \"benchmarks\": [\n    {\"name\": \"BM_A\",, }\n");
        const ProgramRun failed = runProgram({QStringLiteral("--compare"), a, broken});
        QCOMPARE(failed.exitCode, 2);
        QVERIFY2(failed.err.contains(QStringLiteral("%1: line 3, column 21: malformed JSON").arg(broken).toUtf8()),
                 failed.err.constData());
    }

    void programCompareTable()
    {
        // The table reads as the run summary does: durations in units, the change with its 95% CI.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString a = kFixtures + QStringLiteral("/gbench_sample.json");
        const QString b = writeFile(dir, QStringLiteral("slower.json"), slowedGbenchSample(QString(), 1.25));
        const Expected<RunResult> before = parseGbenchJson(fixture(QStringLiteral("gbench_sample.json")), a);
        QVERIFY2(before, qPrintable(errorText(before)));
        const Result* concat = find(*before, QStringLiteral("BM_StringConcat/repeats:5"));
        QVERIFY(concat);

        const ProgramRun table = runProgram({QStringLiteral("--compare"), a, b});
        QVERIFY2(table.exitCode == 0, table.err.constData());
        const QString out = QString::fromUtf8(table.out);
        QVERIFY2(out.startsWith(QStringLiteral("workload"))
                     && out.section(QLatin1Char('\n'), 0, 0).contains(QStringLiteral("95% CI")),
                 qPrintable(out));
        const QString line = out.split(QLatin1Char('\n')).filter(QStringLiteral("BM_StringConcat/repeats:5 ")).value(0);
        const double aMedian = concat->summary.median;
        QVERIFY2(line.contains(formatDuration(aMedian)) && line.contains(formatDuration(aMedian * 1.25)),
                 qPrintable(line));
        // No raw nanoseconds anywhere in the rows.
        QVERIFY2(!out.contains(QStringLiteral("e+0")), qPrintable(out));

        // --json keeps every key it had and adds the judged change and its CI, which holds it;
        // the table shows that change and that interval, as the verdict line under it does.
        const ProgramRun json = runProgram({QStringLiteral("--compare"), a, b, QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const auto pct = [](double v) {
            return QStringLiteral("%1%2%").arg(v >= 0 ? QStringLiteral("+") : QString()).arg(v, 0, 'f', 1);
        };
        for (const QJsonValue& v : QJsonDocument::fromJson(json.out).array()) {
            const QJsonObject row = v.toObject();
            for (const char* key : {"id", "a_median", "b_median", "change_pct", "p_value", "verdict", "explanation",
                                    "unit", "judged_change_pct", "judged_ci95_pct"})
                QVERIFY2(row.contains(QLatin1String(key)), key);
            const QJsonArray ci = row[QStringLiteral("judged_ci95_pct")].toArray();
            const double change = row[QStringLiteral("judged_change_pct")].toDouble();
            QVERIFY(ci[0].toDouble() <= change && change <= ci[1].toDouble());
            QCOMPARE(row[QStringLiteral("unit")].toString(), QStringLiteral("ns"));
            if (row[QStringLiteral("id")].toString() != QLatin1String("BM_StringConcat/repeats:5"))
                continue;
            COMPARE_REL(change, 25.0, 1e-9); // every repetition 1.25 times as slow
            const QString shown =
                QStringLiteral("%1  [%2 … %3]").arg(pct(change), pct(ci[0].toDouble()), pct(ci[1].toDouble()));
            QVERIFY2(line.contains(shown), qPrintable(line + QStringLiteral(" lacks ") + shown));
        }

        // No id in common: said, and exit 2, for the table and for --json alike.
        const QString hyperfine = kFixtures + QStringLiteral("/hyperfine_sample.json");
        for (const QStringList& extra : {QStringList{}, QStringList{QStringLiteral("--json")}}) {
            const ProgramRun disjoint = runProgram(QStringList{QStringLiteral("--compare"), a, hyperfine} + extra);
            QCOMPARE(disjoint.exitCode, 2);
            QVERIFY2(disjoint.err.contains(QStringLiteral("no workload id is in both %1").arg(a).toUtf8()),
                     disjoint.err.constData());
            QVERIFY(disjoint.out.isEmpty());
        }
    }

    void programImportTwice()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        for (const QString& name : {QStringLiteral("gbench_sample.json"), QStringLiteral("hyperfine_sample.json")}) {
            const QString file = kFixtures + QLatin1Char('/') + name;
            const ProgramRun first = runProgram({QStringLiteral("--import"), file, QStringLiteral("--db"), db});
            QVERIFY2(first.exitCode == 0, first.err.constData());
            const qsizetype runAt = first.out.indexOf(": run ");
            QVERIFY(runAt > 0);
            const QByteArray id = first.out.mid(runAt + 6).split(' ').value(0);

            // The same bytes again: refused, naming the earlier run and --force; nothing recorded.
            const ProgramRun again = runProgram({QStringLiteral("--import"), file, QStringLiteral("--db"), db});
            QCOMPARE(again.exitCode, 2);
            QVERIFY2(again.err.contains(QByteArray("already imported as run ") + id + ' '), again.err.constData());
            QVERIFY2(again.err.contains("--force"), again.err.constData());
            QVERIFY(again.out.isEmpty());

            // The same content under another name is the same file.
            const QString copy = dir.filePath(QStringLiteral("copy-") + name);
            QVERIFY(QFile::copy(file, copy));
            QCOMPARE(runProgram({QStringLiteral("--import"), copy, QStringLiteral("--db"), db}).exitCode, 2);

            const ProgramRun forced =
                runProgram({QStringLiteral("--import"), file, QStringLiteral("--db"), db, QStringLiteral("--force")});
            QVERIFY2(forced.exitCode == 0, forced.err.constData());
            QVERIFY2(forced.out.contains(QByteArray("the same content as run ") + id), forced.out.constData());
        }
        const auto store = HistoryStore::open(db);
        QVERIFY2(store, qPrintable(errorText(store)));
        QCOMPARE(int((*store)->runs(HistoryStore::Filter{})->size()), 4); // each file once, and once forced

        // --force means nothing without --import.
        const ProgramRun stray = runProgram({QStringLiteral("--headless"), QStringLiteral("--force")});
        QCOMPARE(stray.exitCode, 2);
        QVERIFY2(stray.err.contains("--force applies to --import only"), stray.err.constData());
    }

    void programImport()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        struct Case {
            QString file;
            QString source;
            int benchmarks;
        };
        const Case cases[] = {{QStringLiteral("gbench_sample.json"), QStringLiteral("google-benchmark"), 8},
                              {QStringLiteral("hyperfine_sample.json"), QStringLiteral("hyperfine"), 2}};
        for (const Case& c : cases) {
            const ProgramRun imported = runProgram(
                {QStringLiteral("--import"), kFixtures + QLatin1Char('/') + c.file, QStringLiteral("--db"), db});
            QVERIFY2(imported.exitCode == 0, imported.err.constData());
            QVERIFY2(imported.out.contains(QStringLiteral("with %1 benchmarks").arg(c.benchmarks).toUtf8()),
                     imported.out.constData());
        }
        // Malformed: exit 2 naming the place, nothing recorded.
        const QString broken =
            writeFile(dir, QStringLiteral("broken.json"), R"({"results": [{"command": "true", "times": ["x"]}]})");
        const ProgramRun refused = runProgram({QStringLiteral("--import"), broken, QStringLiteral("--db"), db});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(
                     QStringLiteral("%1: results[0].times[0]: expected a number, got \"x\"").arg(broken).toUtf8()),
                 refused.err.constData());
        const ProgramRun syntax =
            runProgram({QStringLiteral("--import"), writeFile(dir, QStringLiteral("cut.json"), "{\"context\": {"),
                        QStringLiteral("--db"), db});
        QCOMPARE(syntax.exitCode, 2);
        QVERIFY2(syntax.err.contains("cut.json: line 1, column 13: malformed JSON"), syntax.err.constData());

        const auto store = HistoryStore::open(db);
        QVERIFY2(store, qPrintable(errorText(store)));
        const std::vector<HistoryStore::RunRecord> runs = (*store)->runs(HistoryStore::Filter{}).value_or({});
        QCOMPARE(int(runs.size()), 2);
        // Newest first.
        QCOMPARE(runs[0].source, QStringLiteral("hyperfine"));
        QCOMPARE(runs[0].workloadCount, 2);
        QVERIFY(runs[0].info.started.isValid()); // the file's modification time
        QCOMPARE(runs[1].source, QStringLiteral("google-benchmark"));
        QCOMPARE(runs[1].workloadCount, 8);
        QCOMPARE(runs[1].info.host, QStringLiteral("vm"));
        const Expected<RunResult> loaded = (*store)->loadRun(runs[1].id);
        QVERIFY2(loaded, qPrintable(errorText(loaded)));
        const Result* concat = find(*loaded, QStringLiteral("BM_StringConcat/repeats:5"));
        QVERIFY(concat);
        QCOMPARE(int(concat->samples.size()), 5);
        COMPARE_REL(concat->samples[0].perIterationNs(), 1.2939332030970852e+03, 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestInterop)
#include "tst_interop.moc"
