// The PDF report: pages, text, charts on and off, A4 and Letter, and a headless run of the
// real binary with no display at all. The PDF's text is read back with pdftotext
// (poppler-utils, installed by packaging/quickstart.sh): without it the test fails, it does
// not skip, because an unchecked report is the failure this test exists to catch.
#include "ChartHandOff.h"
#include "ErrorText.h"
#include "PdfReport.h"
#include "ProgramRun.h"
#include "SyntheticRun.h"
#include "cli/CommandLine.h"

#include <QtTest>

using namespace crucible;

namespace {

QString pdftotext()
{
    return QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
}

// The text of `pdf` (all pages, or pages first…last), as pdftotext reads it.
QString pdfText(const QByteArray& pdf, int first = 0, int last = 0)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.pdf"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(pdf) != pdf.size())
        return {};
    f.close();
    QStringList args;
    if (first > 0)
        args << QStringLiteral("-f") << QString::number(first) << QStringLiteral("-l") << QString::number(last);
    args << path << QStringLiteral("-");
    QProcess p;
    p.start(pdftotext(), args);
    if (!p.waitForFinished(60'000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

struct Rendered {
    QByteArray pdf;
    int pages = 0;
};

Rendered render(const RunResult& run, bool plots, QPageSize::PageSizeId size = QPageSize::A4)
{
    report::PdfOptions options;
    options.plots = plots;
    options.pageSize = QPageSize(size);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    Rendered r;
    const Expected<int> pages = report::writePdfReport(run, buffer, options);
    if (!pages)
        qWarning("writePdfReport: %s", qPrintable(pages.error().message));
    r.pages = pages.value_or(0);
    r.pdf = buffer.data();
    return r;
}

using Outcome = ProgramRun;

// The real program with no display: DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM all unset,
// so it must pick the offscreen platform by itself.
Outcome runWithoutDisplay(const QStringList& args, const QMap<QString, QString>& extraEnv = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it)
        env.insert(it.key(), it.value());
    return runProgram(args, env);
}

} // namespace

class TestPdfReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void multiPageWithEveryId_data();
    void multiPageWithEveryId();
    void noPlotsIsSmallerWithSameIds();
    void longTableRepeatsItsHeader();
    void failuresAndVerdictsAreWritten();
    void verdictLinesInstabilityAndMachineSpeedAreWritten();
    void budgetsAndClaimsAreWritten();
    void emptyAndCancelledRunsStillRender();
    void workerThreadReportHasTheChartsOfTheGuiThread();
    void plottingFromEnvironment_data();
    void plottingFromEnvironment();
    void headlessRunWritesReportWithoutDisplay();
    void trendSectionListsWorkloadsWithHistory();
    void headlessRunReportsTrendFromHistory();
    void invalidPlottingVariableExits2();
    void environmentIsOnTheFirstPage();
};

void TestPdfReport::initTestCase()
{
    QVERIFY2(!pdftotext().isEmpty(), "pdftotext not found: install poppler-utils (packaging/quickstart.sh does)");
}

void TestPdfReport::multiPageWithEveryId_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::newRow("A4") << int(QPageSize::A4);
    QTest::newRow("Letter") << int(QPageSize::Letter);
}

void TestPdfReport::multiPageWithEveryId()
{
    QFETCH(int, pageSize);
    const RunResult run = syntheticRun(15, 30);
    const Rendered r = render(run, true, QPageSize::PageSizeId(pageSize));
    QVERIFY(r.pdf.startsWith("%PDF-"));
    QVERIFY2(r.pages > 1, qPrintable(QString::number(r.pages)));
    const QString text = pdfText(r.pdf);
    for (const Result& w : run.results)
        QVERIFY2(text.contains(w.info.id), qPrintable(w.info.id));
    for (const char* category : {"script_engine", "cli", "daemon", "system", "architecture"})
        QVERIFY2(text.contains(QStringLiteral("Category: %1").arg(QLatin1String(category))), category);
    QVERIFY(text.contains(QStringLiteral("page 1 of %1").arg(r.pages)));
    QVERIFY(text.contains(QStringLiteral("page %1 of %1").arg(r.pages)));
    QVERIFY(text.contains(run.info.host));
    QVERIFY(text.contains(run.info.gitCommit));
}

void TestPdfReport::noPlotsIsSmallerWithSameIds()
{
    const RunResult run = syntheticRun(15, 30);
    const Rendered plots = render(run, true);
    const Rendered text = render(run, false);
    QVERIFY(!text.pdf.isEmpty());
    QVERIFY2(text.pdf.size() < plots.pdf.size(),
             qPrintable(QStringLiteral("%1 vs %2 bytes").arg(text.pdf.size()).arg(plots.pdf.size())));
    QVERIFY(text.pages < plots.pages);
    const QString content = pdfText(text.pdf);
    for (const Result& w : run.results)
        QVERIFY2(content.contains(w.info.id), qPrintable(w.info.id));
    QVERIFY(!content.contains(QStringLiteral("Samples over time")));
    QVERIFY(pdfText(plots.pdf).contains(QStringLiteral("Samples over time")));
}

void TestPdfReport::longTableRepeatsItsHeader()
{
    // 90 rows do not fit one page: the summary continues with its header on page 2.
    const RunResult run = syntheticRun(90, 5);
    const Rendered r = render(run, false);
    const QString page1 = pdfText(r.pdf, 1, 1);
    const QString page2 = pdfText(r.pdf, 2, 2);
    QVERIFY2(page2.contains(QStringLiteral("95% CI of median")), qPrintable(page2.left(400)));
    QVERIFY(!page1.contains(run.results[50].info.id));
    QVERIFY(page2.contains(run.results[50].info.id));
}

void TestPdfReport::failuresAndVerdictsAreWritten()
{
    const RunResult run = syntheticRun(10, 10);
    const QString text = pdfText(render(run, false).pdf);
    QVERIFY(text.contains(QStringLiteral("Failures")));
    QVERIFY(text.contains(QStringLiteral("no such file")));
    for (const char* verdict : {"regressed", "improved", "unchanged", "inconclusive"})
        QVERIFY2(text.contains(QLatin1String(verdict)), verdict);
    // Architecture pairs are reported as ratios.
    QVERIFY(text.contains(QStringLiteral("Pairs: the old way against the new way")));
}

void TestPdfReport::verdictLinesInstabilityAndMachineSpeedAreWritten()
{
    RunResult run = syntheticRun(4, 20);
    Result& shifted = run.results[0];
    shifted.stability = Stability{true, 12, 48.5};
    run.info.rounds = 4;
    for (int k = 0; k < 8; ++k)
        run.info.reference.push_back(ReferencePoint{0.5 * k, k / 2, 1e6 * (k == 5 ? 1.3 : 1.0)});
    const QString text = pdfText(render(run, true).pdf).simplified();
    // One line per verdict, with its noise and its rule (SyntheticRun.h fills them).
    QVERIFY2(text.contains(QStringLiteral("Verdicts")), qPrintable(text.left(600)));
    QVERIFY(text.contains(QStringLiteral("run-to-run ±1.5% over the last 8 runs")));
    QVERIFY(text.contains(QStringLiteral("rule: synthetic")));
    // The unstable result, with the sample where it shifts.
    QVERIFY2(text.contains(QStringLiteral("unstable")), qPrintable(text.left(2000)));
    QVERIFY(text.contains(QStringLiteral("level shift at sample 12 (+48.5%)")));
    // The machine's speed over the run.
    QVERIFY(text.contains(QStringLiteral("Machine speed")));
    QVERIFY(text.contains(QStringLiteral("over 4 rounds")));
}

void TestPdfReport::budgetsAndClaimsAreWritten()
{
    RunResult run = syntheticRun(10, 10);
    QVERIFY(!pdfText(render(run, false).pdf).contains(QStringLiteral("Budgets")));
    const QString id = run.results[0].info.id;
    run.budgets = {BudgetOutcome{id, id, QStringLiteral("median_ms"), 50.0, std::nullopt, 61.5, BudgetStatus::Failed,
                                 QStringLiteral("over the limit by 23.0%")},
                   BudgetOutcome{QStringLiteral("*"),
                                 id,
                                 QStringLiteral("throughput_per_s"),
                                 std::nullopt,
                                 1000.0,
                                 2500.0,
                                 BudgetStatus::Passed,
                                 {}}};
    run.claims = {refutedClaim(QStringLiteral("Typed events beat strings"),
                               QStringLiteral("architecture.events.string_keyed"),
                               QStringLiteral("architecture.events.typed"), 80.4, {79.5, 81.2})};
    const QString text = pdfText(render(run, false).pdf);
    for (const char* expected :
         {"Budgets", "1 passed, 1 failed, 0 skipped", "61.50 ms", "≤ 50.00 ms", "over the limit by 23.0%", "≥ 1000 /s",
          "Claims", "Typed events beat strings", "96% ± 2%", "+80.4%", "refuted"})
        QVERIFY2(text.contains(QString::fromUtf8(expected)), expected);
}

void TestPdfReport::emptyAndCancelledRunsStillRender()
{
    RunResult run = syntheticRun(0, 0);
    run.cancelled = true;
    const Rendered r = render(run, true);
    QCOMPARE(r.pages, 1);
    const QString text = pdfText(r.pdf);
    QVERIFY(text.contains(QStringLiteral("synthetic-suite")));
    QVERIFY(text.contains(QStringLiteral("stopped before the end")));
    QVERIFY(text.contains(QStringLiteral("page 1 of 1")));
}

void TestPdfReport::workerThreadReportHasTheChartsOfTheGuiThread()
{
    // The window writes reports on a worker thread and has each chart drawn on the GUI thread
    // (ChartHandOff): the result must read as the report written on the GUI thread does.
    const RunResult run = syntheticRun(12, 30);
    const Rendered here = render(run, true);
    auto onWorker = [&run](const report::ChartDrawer& drawer, int* charts, bool* chartsOnGuiThread) {
        report::PdfOptions options;
        QThread* gui = QThread::currentThread();
        options.drawChart = [&, gui](const report::ChartRecipe& recipe, QPainter& painter, const QRectF& target) {
            ++*charts;
            drawer(recipe, painter, target);
            *chartsOnGuiThread = QThread::currentThread() != gui; // the worker called; the GUI drew
        };
        Rendered r;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            if (const Expected<int> pages = report::writePdfReport(run, buffer, options)) {
                r.pages = *pages;
                r.pdf = buffer.data();
            }
        }));
        worker->start();
        // The GUI thread keeps handling events (and with them the charts) until the worker ends.
        const QDeadlineTimer deadline(60'000);
        while (!worker->isFinished() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        worker->wait(); // rather a hung test than a worker painting into freed memory
        return r;
    };
    report::ChartHandOff handOff(this);
    int charts = 0;
    bool onWorkerThread = false;
    const Rendered there = onWorker(handOff.drawer(), &charts, &onWorkerThread);
    QVERIFY(there.pages > 0);
    QVERIFY(charts > 0);
    QVERIFY(onWorkerThread);
    QCOMPARE(there.pages, here.pages);
    const QString text = pdfText(there.pdf);
    QVERIFY(text.contains(QStringLiteral("distribution of the samples"))); // a chart's own title
    QCOMPARE(text, pdfText(here.pdf));

    // Cancelled: the worker goes on without charts.
    report::ChartHandOff cancelled(this);
    cancelled.cancel();
    const Rendered without = onWorker(cancelled.drawer(), &charts, &onWorkerThread);
    QVERIFY(cancelled.cancelled());
    QVERIFY(!pdfText(without.pdf).contains(QStringLiteral("distribution of the samples")));
}

void TestPdfReport::plottingFromEnvironment_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("plotting"); // empty: the variable is unset
    QTest::addColumn<bool>("noPlots");
    QTest::newRow("default") << QStringList{} << QString() << false;
    QTest::newRow("0") << QStringList{} << QStringLiteral("0") << true;
    QTest::newRow("false") << QStringList{} << QStringLiteral("false") << true;
    QTest::newRow("FALSE") << QStringList{} << QStringLiteral("FALSE") << true;
    QTest::newRow("1") << QStringList{} << QStringLiteral("1") << false;
    QTest::newRow("true") << QStringList{} << QStringLiteral("true") << false;
    QTest::newRow("flag") << QStringList{QStringLiteral("--no-plots")} << QString() << true;
    QTest::newRow("flag wins") << QStringList{QStringLiteral("--no-plots")} << QStringLiteral("1") << true;
}

void TestPdfReport::plottingFromEnvironment()
{
    QFETCH(QStringList, args);
    QFETCH(QString, plotting);
    QFETCH(bool, noPlots);
    QProcessEnvironment env;
    if (!plotting.isEmpty())
        env.insert(QStringLiteral("CRITERION_PLOTTING"), plotting);
    const ParsedCommandLine parsed = parseCommandLine(QStringList{QStringLiteral("crucible-bench")} + args, env);
    QVERIFY2(parsed.options, qPrintable(parsed.error.message));
    QCOMPARE(parsed.options->noPlots, noPlots);
    QVERIFY(parsed.options->formats.contains(QStringLiteral("pdf")));
}

void TestPdfReport::headlessRunWritesReportWithoutDisplay()
{
    QTemporaryDir dir;
    const Outcome o = runWithoutDisplay({QStringLiteral("--headless"), QStringLiteral("--quick-check"),
                                         QStringLiteral("architecture"), QStringLiteral("--output-dir"), dir.path()});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QFile pdf(dir.filePath(QStringLiteral("report.pdf")));
    QVERIFY2(pdf.open(QIODevice::ReadOnly), "report.pdf was not written");
    const QByteArray bytes = pdf.readAll();
    const QString text = pdfText(bytes);
    QVERIFY(text.contains(QStringLiteral("page 2 of")));

    QFile json(dir.filePath(QStringLiteral("results.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray workloads = QJsonDocument::fromJson(json.readAll())[QStringLiteral("workloads")].toArray();
    QVERIFY(!workloads.isEmpty());
    for (const QJsonValue& w : workloads)
        QVERIFY2(text.contains(w[QStringLiteral("id")].toString()), qPrintable(w[QStringLiteral("id")].toString()));

    // The same run without charts: CRITERION_PLOTTING=false, a smaller file with the same ids.
    QTemporaryDir plain;
    const Outcome p = runWithoutDisplay({QStringLiteral("--headless"), QStringLiteral("--quick-check"),
                                         QStringLiteral("architecture"), QStringLiteral("--output-dir"), plain.path(),
                                         QStringLiteral("--format"), QStringLiteral("pdf")},
                                        {{QStringLiteral("CRITERION_PLOTTING"), QStringLiteral("false")}});
    QVERIFY2(p.exitCode == 0, p.err.constData());
    QFile plainPdf(plain.filePath(QStringLiteral("report.pdf")));
    QVERIFY(plainPdf.open(QIODevice::ReadOnly));
    const QByteArray plainBytes = plainPdf.readAll();
    QVERIFY(plainBytes.size() < bytes.size());
    const QString plainText = pdfText(plainBytes);
    for (const QJsonValue& w : workloads)
        QVERIFY(plainText.contains(w[QStringLiteral("id")].toString()));
    QCOMPARE(QDir(plain.path()).entryList(QDir::Files), QStringList{QStringLiteral("report.pdf")});
}

namespace {
// Eight runs of a workload, the last four 30% slower: one change point.
WorkloadTrend steppedTrend(const QString& id)
{
    std::vector<HistoryStore::TrendPoint> points;
    for (int i = 0; i < 8; ++i) {
        HistoryStore::TrendPoint p;
        p.runId = 40 + i;
        p.started = QDateTime(QDate(2025, 3, 1 + i), QTime(9, 0), Qt::UTC);
        p.median = (i < 4 ? 1000 : 1300) + (i % 2) * 5;
        p.ci95 = {p.median * 0.98, p.median * 1.02};
        p.sampleCount = 30;
        p.unit = QStringLiteral("ns");
        if (i == 1)
            p.baselines << QStringLiteral("release-1");
        points.push_back(p);
    }
    return makeWorkloadTrend(id, std::move(points));
}
} // namespace

void TestPdfReport::trendSectionListsWorkloadsWithHistory()
{
    const RunResult run = syntheticRun(6, 20);
    const Rendered without = render(run, true);
    QVERIFY(!pdfText(without.pdf).contains(QStringLiteral("Trend over history")));

    report::PdfOptions options;
    options.trends = {steppedTrend(run.results[0].info.id), steppedTrend(run.results[1].info.id)};
    QCOMPARE(options.trends[0].changePoints, std::vector<std::size_t>{4});
    for (bool plots : {true, false}) {
        options.plots = plots;
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const Expected<int> written = report::writePdfReport(run, buffer, options);
        QVERIFY2(written, qPrintable(errorText(written)));
        const int pages = *written;
        QVERIFY(pages > (plots ? without.pages : 1));
        // The section is the last pages: its heading, the ids and the step at run 44 are there.
        const QString text = pdfText(buffer.data(), pages, pages);
        QVERIFY2(text.contains(QStringLiteral("Trend over history")), qPrintable(text.left(2000)));
        QVERIFY(text.contains(run.results[0].info.id));
        QVERIFY(text.contains(run.results[1].info.id));
        QVERIFY2(text.contains(QStringLiteral("run 44 +29.9%")), qPrintable(text.left(3000)));
        QCOMPARE(text.contains(QStringLiteral("release-1")), plots); // the baseline's label on the chart
    }
}

// Two headless runs into one store: the second report draws the first run and itself.
void TestPdfReport::headlessRunReportsTrendFromHistory()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("history.sqlite"));
    QString texts[2];
    for (int i = 0; i < 2; ++i) {
        const QString out = dir.filePath(QStringLiteral("run%1").arg(i));
        const Outcome o =
            runWithoutDisplay({QStringLiteral("--headless"), QStringLiteral("--quick-check"),
                               QStringLiteral("architecture.errors.values"), QStringLiteral("--db"), db,
                               QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--output-dir"), out});
        QVERIFY2(o.exitCode == 0, o.err.constData());
        QFile pdf(QDir(out).filePath(QStringLiteral("report.pdf")));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        texts[i] = pdfText(pdf.readAll());
    }
    QVERIFY(!texts[0].contains(QStringLiteral("Trend over history"))); // one run is no trend yet
    QVERIFY(texts[1].contains(QStringLiteral("Trend over history")));
    // The section (the last) names the workload in its table and over its chart.
    const QString section = texts[1].mid(texts[1].indexOf(QStringLiteral("Trend over history")));
    QVERIFY2(section.count(QStringLiteral("architecture.errors.values")) >= 2, qPrintable(section));
}

void TestPdfReport::invalidPlottingVariableExits2()
{
    QTemporaryDir dir;
    const Outcome o = runWithoutDisplay({QStringLiteral("--headless"), QStringLiteral("--output-dir"), dir.path()},
                                        {{QStringLiteral("CRITERION_PLOTTING"), QStringLiteral("maybe")}});
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains("CRITERION_PLOTTING"), o.err.constData());
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

void TestPdfReport::environmentIsOnTheFirstPage()
{
    RunResult run = syntheticRun(5, 10);
    run.info.environment.virtualization = QStringLiteral("KVM");
    run.info.environment.governors = {QStringLiteral("powersave")};
    run.info.environment.turbo = true;
    run.info.environment.aslr = 2;
    run.info.environment.buildType = QStringLiteral("Release");
    run.info.environment.optimized = true;
    run.info.environment.assertions = false;
    judgeEnvironment(run.info.environment);
    QCOMPARE(run.info.environment.warnings.size(), std::size_t(4));
    const QString first = pdfText(render(run, false).pdf, 1, 1);
    QVERIFY(first.contains(QStringLiteral("Environment")));
    // Each warning, highlighted, and the facts in compact lines.
    for (const char* opening : {"This is a virtual machine (KVM)", "The CPU frequency governor is \"powersave\"",
                                "Turbo boost is on", "Address space layout randomization is on"})
        QVERIFY2(first.contains(QLatin1String(opening)), opening);
    QVERIFY(first.contains(QStringLiteral("Governor: powersave")));
    QVERIFY(first.contains(QStringLiteral("Turbo: on")));
    QVERIFY(first.contains(QStringLiteral("Release, optimized, assertions off")));

    // A run recorded before the environment was has no such block.
    const QString older = pdfText(render(syntheticRun(5, 10), false).pdf, 1, 1);
    QVERIFY(!older.contains(QStringLiteral("Nothing known to make")));
    QVERIFY(!older.contains(QStringLiteral("Governor:")));
}

QTEST_MAIN(TestPdfReport)
#include "tst_pdfreport.moc"
