// The history in the dashboard, on the offscreen platform: a store filled with runs shows in the
// History tab as a trend with its change point and baselines and as a run list; a past run
// reopens into the results table, compared with the run before it, and exports; a window run is
// recorded and the next one is compared with it and overlays it; a store that cannot be opened
// leaves a window that still runs. Also the pieces below: the trend chart builder, the loaders
// of earlier results and trends.
#include "BaselinePicker.h"
#include "BuiltInWorkloads.h"
#include "ChartHost.h"
#include "ErrorText.h"
#include "ExportController.h"
#include "HistoryController.h"
#include "HistoryLoader.h"
#include "HistoryView.h"
#include "LiveChart.h"
#include "LiveView.h"
#include "MainWindow.h"
#include "PdfReport.h"
#include "ResultsTableModel.h"
#include "ResultsView.h"
#include "RunController.h"
#include "RunListModel.h"
#include "ShownRun.h"
#include "TrendChart.h"
#include "WindowHistory.h"
#include "WindowTesting.h"
#include "WorkloadTree.h"
#include "history/EarlierResults.h"
#include "history/HistoryStore.h"
#include "history/WorkloadTrend.h"

#include <QAbstractItemModelTester>
#include <QAbstractSeries>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QComboBox>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QSysInfo>
#include <QTableView>
#include <QXYSeries>
#include <QtTest>

#include <random>

using namespace crucible;
using namespace crucible::gui;

namespace {

const QString kSuite = QStringLiteral("history-suite");
const QString kHost = QStringLiteral("history-host");
const QString kStep = QStringLiteral("cli.stepping");
const QString kFlat = QStringLiteral("cli.flat");

// Samples around `medianNs` with 1% noise: well inside the 2% noise threshold.
Result measured(const QString& id, double medianNs, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(1.0, 0.01);
    Result r;
    r.info.id = id;
    r.info.category = Category::Cli;
    r.info.unit = QStringLiteral("ns");
    for (int i = 0; i < 30; ++i)
        r.samples.push_back(Sample{1000, medianNs * noise(rng) * 1000, medianNs * 900, 40'000'000 + i * 4096});
    computeStatistics(r);
    return r;
}

RunResult runOf(int index, double stepMedian, const QString& suite = kSuite)
{
    RunResult run;
    run.info.suiteName = suite;
    run.info.host = kHost;
    run.info.gitCommit = QStringLiteral("%1").arg(index, 40, 16, QLatin1Char('0'));
    run.info.started = QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC).addDays(index);
    run.info.finished = run.info.started.addSecs(60);
    run.results.push_back(measured(kStep, stepMedian, 100 + std::uint64_t(index)));
    run.results.push_back(measured(kFlat, 5000, 200 + std::uint64_t(index)));
    return run;
}

// Ten runs of the suite: kStep at 100 ns for five runs, then 150 ns (a change point at the
// sixth); kFlat steady. Run 3 is baseline "release-1". Then one run of another suite.
struct FilledStore {
    QString path;
    std::vector<qint64> ids;
    qint64 otherSuiteRun = 0;
};

FilledStore fillStore(const QString& path)
{
    FilledStore filled;
    filled.path = path;
    auto orFail = [](const auto& result) {
        if (!result)
            qFatal("%s", qPrintable(result.error().message));
    };
    const Expected<std::unique_ptr<HistoryStore>> store = HistoryStore::open(path);
    orFail(store);
    for (int i = 0; i < 10; ++i) {
        const Expected<qint64> id = (*store)->recordRun(runOf(i, i < 5 ? 100 : 150));
        orFail(id);
        filled.ids.push_back(*id);
    }
    orFail((*store)->saveBaseline(QStringLiteral("release-1"), filled.ids[2]));
    const Expected<qint64> other = (*store)->recordRun(runOf(20, 100, QStringLiteral("other-suite")));
    orFail(other);
    filled.otherSuiteRun = *other;
    return filled;
}

QString pdftotext(const QString& pdfPath)
{
    QProcess p;
    p.start(QStandardPaths::findExecutable(QStringLiteral("pdftotext")), {pdfPath, QStringLiteral("-")});
    if (!p.waitForFinished(60'000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

QStringList seriesNames(const QChart* chart)
{
    QStringList names;
    for (const QAbstractSeries* s : chart->series())
        names << s->name();
    return names;
}

// The points of the series called `name` (the first of them).
QList<QPointF> seriesPoints(const QChart* chart, const QString& name)
{
    for (QAbstractSeries* s : chart->series())
        if (s->name() == name)
            return static_cast<QXYSeries*>(s)->points();
    return {};
}

} // namespace

class TestHistoryView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // The pieces, without a window.
    void trendOfAStepHasOneChangePoint();
    void trendChartDrawsMediansBandChangeAndBaselines();
    void runTicksStayFew();
    void earlierResultsFollowTheChoice();
    void runTrendsAppendTheUnrecordedRun();

    // The window.
    void historyTabShowsTrendAndRuns();
    void filtersNarrowTheRunList();
    void choosingAWorkloadElsewhereShowsItsTrend();
    void reopenedRunFillsTableComparedWithTheRunBefore();
    void exportOfReopenedRunWritesFilesWithTrend();
    void savingABaselineReachesThePicker();
    void windowRunIsRecordedAndTheNextComparesWithIt();
    void closingRightAfterARunStillRecordsIt();
    void unopenableStoreKeepsTheWindowWorking();

private:
    MainWindow* window(ExternalReports reports = {});
    bool openAndWait(MainWindow* w, const QString& location);

    WorkloadRegistry m_registry;
    std::unique_ptr<QTemporaryDir> m_dir;
    QTemporaryDir m_settingsDir;
    FilledStore m_store;
    std::unique_ptr<MainWindow> m_window;
};

void TestHistoryView::initTestCase()
{
    keepSettingsIn(m_settingsDir.path());
    workloads::registerBuiltInWorkloads(m_registry);
}

void TestHistoryView::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = fillStore(m_dir->filePath(QStringLiteral("history.sqlite")));
    QCOMPARE(m_store.ids.size(), std::size_t(10));
}

void TestHistoryView::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

MainWindow* TestHistoryView::window(ExternalReports reports)
{
    m_window = std::make_unique<MainWindow>(m_registry, std::move(reports));
    m_window->resize(1300, 850);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return nullptr;
    new QAbstractItemModelTester(m_window->historyView()->runsModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, m_window.get());
    return m_window.get();
}

bool TestHistoryView::openAndWait(MainWindow* w, const QString& location)
{
    w->historyController()->open(location);
    // Opening, then the run list, the workloads and the trend: each answered in turn.
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20'000) {
        if (!w->history()->loader()->waitForIdle(20'000))
            return false;
        QTest::qWait(20);
        if (w->history()->loader()->waitForIdle(0))
            return true;
    }
    return false;
}

void TestHistoryView::trendOfAStepHasOneChangePoint()
{
    auto store = HistoryStore::open(m_store.path);
    QVERIFY2(store, qPrintable(errorText(store)));
    HistoryStore::Filter filter{kSuite, kHost, false, 0};
    const auto stepPoints = (*store)->trend(kStep, filter);
    QVERIFY2(stepPoints, qPrintable(errorText(stepPoints)));
    const WorkloadTrend step = makeWorkloadTrend(kStep, *stepPoints);
    QCOMPARE(step.points.size(), std::size_t(10));
    QCOMPARE(step.changePoints, std::vector<std::size_t>{5});
    QCOMPARE(step.segmentLevels().size(), std::size_t(2));
    QVERIFY2(qAbs(step.shiftPct(0) - 50) < 3, qPrintable(QString::number(step.shiftPct(0)))); // 100 ns → 150 ns
    QCOMPARE(step.points[2].baselines, QStringList{QStringLiteral("release-1")});
    const auto flatPoints = (*store)->trend(kFlat, filter);
    QVERIFY2(flatPoints, qPrintable(errorText(flatPoints)));
    QVERIFY(makeWorkloadTrend(kFlat, *flatPoints).changePoints.empty());
}

void TestHistoryView::trendChartDrawsMediansBandChangeAndBaselines()
{
    auto store = HistoryStore::open(m_store.path);
    QVERIFY(store);
    const WorkloadTrend step = makeWorkloadTrend(kStep, (*store)->trend(kStep, {kSuite, kHost, false, 0}).value_or({}));
    charts::TrendChartOptions options;
    options.highlightRunId = m_store.ids[7];
    const std::unique_ptr<QChart> chart = charts::trendChart(step, {}, options);
    const QStringList names = seriesNames(chart.get());
    QCOMPARE(names.count(QStringLiteral("median per run")), 1);
    QCOMPARE(names.count(QStringLiteral("95% CI of the median")), 1);
    QCOMPARE(names.count(QStringLiteral("change point")), 1);
    QCOMPARE(names.count(QStringLiteral("level between change points")), 2);
    QCOMPARE(names.count(QStringLiteral("baseline")), 1);
    QCOMPARE(names.count(QStringLiteral("chosen run")), 1);
    QCOMPARE(seriesPoints(chart.get(), QStringLiteral("median per run")).size(), 10);
    QCOMPARE(seriesPoints(chart.get(), QStringLiteral("change point")).value(0).x(), 5.5); // between runs 5 and 6
    QCOMPARE(seriesPoints(chart.get(), QStringLiteral("chosen run")),
             QList<QPointF>{QPointF(8, step.points[7].median)});
    // Choosing another run moves the ring without a new chart; no run, no ring.
    QVERIFY(charts::setTrendHighlight(*chart, step, m_store.ids[0]));
    QCOMPARE(seriesPoints(chart.get(), QStringLiteral("chosen run")).value(0).x(), 1.0);
    QVERIFY(charts::setTrendHighlight(*chart, step, 0));
    QVERIFY(seriesPoints(chart.get(), QStringLiteral("chosen run")).isEmpty());

    // Thousands of runs are drawn from buckets: far fewer vertices, the same extremes.
    WorkloadTrend long_ = step;
    long_.points.clear();
    for (int i = 0; i < 3000; ++i) {
        HistoryStore::TrendPoint p = step.points[std::size_t(i % 10)];
        p.runId = i + 1;
        long_.points.push_back(p);
    }
    charts::ChartOptions narrow;
    narrow.widthPx = 600;
    const std::unique_ptr<QChart> dense = charts::trendChart(long_, narrow);
    const QList<QPointF> line = seriesPoints(dense.get(), QStringLiteral("median per run"));
    QVERIFY2(line.size() <= 2 * 600 / 6, qPrintable(QString::number(line.size())));
    double highest = 0;
    for (const QPointF& p : line)
        highest = std::max(highest, p.y());
    double expected = 0;
    for (const HistoryStore::TrendPoint& p : step.points)
        expected = std::max(expected, p.median);
    QCOMPARE(highest, expected); // ns: the axis unit for medians of 100-150 ns

    // No run at all still gives a chart that says so.
    const std::unique_ptr<QChart> empty = charts::trendChart(WorkloadTrend{kStep, QStringLiteral("ns"), {}, {}}, {});
    QVERIFY(empty->series().isEmpty());
    QVERIFY(empty->title().contains(QStringLiteral("no finished run")));
}

void TestHistoryView::runTicksStayFew()
{
    QCOMPARE(charts::runTickStep(5, 10), 1);
    QCOMPARE(charts::runTickStep(30, 10), 5);
    QCOMPARE(charts::runTickStep(1000, 10), 200);
    QVERIFY(1000 / charts::runTickStep(1000, 8) + 1 <= 8);
}

void TestHistoryView::earlierResultsFollowTheChoice()
{
    auto opened = HistoryStore::open(m_store.path);
    QVERIFY(opened);
    const HistoryStore& store = **opened;
    const HistoryStore::Filter scope{kSuite, kHost, false, 0};
    const Expected<EarlierResults> loaded = loadEarlierResults(store, kStep, scope, BaselineChoice::previousRun(), 3);
    QVERIFY2(loaded, qPrintable(errorText(loaded)));
    const EarlierResults& previous = *loaded;
    QVERIFY(previous.baseline);
    QCOMPARE(previous.baseline->runId, m_store.ids[9]);
    QCOMPARE(previous.baselineName, QStringLiteral("previous run %1").arg(m_store.ids[9]));
    QCOMPARE(previous.recent.size(), std::size_t(3)); // the three before it, newest first
    QCOMPARE(previous.recent[0].runId, m_store.ids[8]);
    QVERIFY(!previous.recent[0].result.samples.empty());

    const EarlierResults named =
        *loadEarlierResults(store, kStep, scope, BaselineChoice::named(QStringLiteral("release-1")), 2);
    QVERIFY(named.baseline);
    QCOMPARE(named.baseline->runId, m_store.ids[2]);
    QCOMPARE(named.recent.size(), std::size_t(2));
    QCOMPARE(named.recent[0].runId, m_store.ids[9]);

    const EarlierResults none = *loadEarlierResults(store, kStep, scope, BaselineChoice::none(), 1);
    QVERIFY(!none.baseline);
    QCOMPARE(none.recent.size(), std::size_t(1));

    const QString missing =
        errorText(loadEarlierResults(store, kStep, scope, BaselineChoice::named(QStringLiteral("no-such")), 1));
    QVERIFY2(missing.contains(QStringLiteral("no-such")), qPrintable(missing));

    // A past run is compared with the run before it: the sixth run is the step up.
    Expected<RunResult> sixth = store.loadRun(m_store.ids[5]);
    QVERIFY(sixth);
    QVERIFY(compareStoredRun(*sixth, m_store.ids[5], store, BaselineChoice::previousRun(), kDefaultNoiseThresholdPct));
    QCOMPARE(sixth->results[0].baseline->verdict, ChangeVerdict::Regressed);
    QCOMPARE(sixth->results[0].baseline->name, QStringLiteral("previous run %1").arg(m_store.ids[4]));
    QCOMPARE(sixth->results[1].baseline->verdict, ChangeVerdict::Unchanged);
}

void TestHistoryView::runTrendsAppendTheUnrecordedRun()
{
    auto store = HistoryStore::open(m_store.path);
    QVERIFY(store);
    RunResult next = runOf(10, 150);
    next.results.push_back(measured(QStringLiteral("cli.brand_new"), 10, 1)); // one point only: left out
    const RunTrends loaded = loadRunTrends(**store, next, 0);
    QVERIFY2(!loaded.incomplete, qPrintable(loaded.incomplete ? loaded.incomplete->message : QString()));
    const std::vector<WorkloadTrend>& unrecorded = loaded.trends;
    QCOMPARE(unrecorded.size(), std::size_t(2));
    QCOMPARE(unrecorded[0].workloadId, kStep);
    QCOMPARE(unrecorded[0].points.size(), std::size_t(11));
    QCOMPARE(unrecorded[0].points.back().runId, qint64(0)); // this run, not in the store
    // A recorded past run's trend stops at that run.
    const std::vector<WorkloadTrend> past = loadRunTrends(**store, runOf(6, 150), m_store.ids[6]).trends;
    QCOMPARE(past[0].points.size(), std::size_t(7));
    QCOMPARE(past[0].points.back().runId, m_store.ids[6]);
}

void TestHistoryView::historyTabShowsTrendAndRuns()
{
    MainWindow* w = window();
    QVERIFY(w);
    QVERIFY(openAndWait(w, m_store.path));
    HistoryView* view = w->historyView();
    // The newest run's suite and host are the default filter: the other suite's run is newest.
    QCOMPARE(view->suitePicker()->currentData().toString(), QStringLiteral("other-suite"));
    view->suitePicker()->setCurrentIndex(view->suitePicker()->findData(kSuite));
    QVERIFY(w->history()->loader()->waitForIdle(10'000));
    QCOMPARE(view->runsModel()->rowCount(), 10);
    view->showWorkload(kStep);
    QVERIFY(w->history()->loader()->waitForIdle(10'000));
    QCOMPARE(view->currentWorkload(), kStep);
    QCOMPARE(view->trend().points.size(), std::size_t(10));
    QCOMPARE(view->trend().changePoints, std::vector<std::size_t>{5});
    QVERIFY(view->trendHost()->chart());
    const QStringList names = seriesNames(view->trendHost()->chart());
    QVERIFY2(names.contains(QStringLiteral("change point")), qPrintable(names.join(", ")));
    QVERIFY(names.contains(QStringLiteral("baseline")));

    // The run list: newest first, the baseline's name on its run.
    RunListModel* runs = view->runsModel();
    const QModelIndex top = view->runsProxy()->index(0, RunListModel::Id);
    QCOMPARE(top.data(RunListModel::kRunIdRole).toLongLong(), m_store.ids[9]);
    const int baselineRow = runs->rowOf(m_store.ids[2]);
    QCOMPARE(runs->index(baselineRow, RunListModel::Baselines).data().toString(), QStringLiteral("release-1"));
    QCOMPARE(runs->index(baselineRow, RunListModel::Suite).data().toString(), kSuite);
    QCOMPARE(runs->index(baselineRow, RunListModel::Host).data().toString(), kHost);
    QCOMPARE(runs->index(baselineRow, RunListModel::Workloads).data().toString(), QStringLiteral("2"));
    QCOMPARE(runs->index(baselineRow, RunListModel::Commit).data().toString().size(), 10);

    // Choosing a run rings it on the trend.
    view->selectRun(m_store.ids[7]);
    QCOMPARE(view->selectedRunId(), m_store.ids[7]);
    QCOMPARE(seriesPoints(view->trendHost()->chart(), QStringLiteral("chosen run")).value(0).x(), 8.0);
    // The flat workload: no change point.
    view->workloadPicker()->setCurrentIndex(view->workloadPicker()->findData(kFlat));
    QVERIFY(w->history()->loader()->waitForIdle(10'000));
    QCOMPARE(view->trend().workloadId, kFlat);
    QVERIFY(view->trend().changePoints.empty());
    QVERIFY(!seriesNames(view->trendHost()->chart()).contains(QStringLiteral("change point")));
}

void TestHistoryView::filtersNarrowTheRunList()
{
    MainWindow* w = window();
    QVERIFY(w);
    QVERIFY(openAndWait(w, m_store.path));
    HistoryView* view = w->historyView();
    QCOMPARE(view->runsModel()->rowCount(), 1);                                     // other-suite, the newest run's
    view->suitePicker()->setCurrentIndex(view->suitePicker()->findData(QString())); // all suites
    QVERIFY(w->history()->loader()->waitForIdle(10'000));
    QCOMPARE(view->runsModel()->rowCount(), 11);
    view->hostPicker()->setCurrentIndex(view->hostPicker()->findData(QString()));
    QCOMPARE(view->runsModel()->rowCount(), 11);
}

void TestHistoryView::choosingAWorkloadElsewhereShowsItsTrend()
{
    MainWindow* w = window();
    QVERIFY(w);
    QVERIFY(openAndWait(w, m_store.path));
    QSignalSpy shown(w->historyController(), &HistoryController::storedRunShown);
    w->historyController()->showStoredRun(m_store.ids[9]);
    QVERIFY(shown.wait(10'000));
    QVERIFY(w->history()->loader()->waitForIdle(10'000));
    // Choosing a row of the results table shows that workload's trend in the History tab.
    w->resultsView()->selectWorkload(kFlat);
    QVERIFY(w->history()->loader()->waitForIdle(10'000));
    QCOMPARE(w->historyView()->currentWorkload(), kFlat);
    QCOMPARE(w->historyView()->trend().workloadId, kFlat);
    // ... and its live charts draw the earlier runs from the store behind it: the previous run
    // as the band, the three before as lines.
    QCOMPARE(w->liveView()->currentId(), kFlat);
    QVERIFY(w->liveView()->latencyChart()->band().has_value());
    QCOMPARE(w->liveView()->latencyChart()->overlayCount(), std::size_t(WindowHistory::kRecentOverlays));
}

void TestHistoryView::reopenedRunFillsTableComparedWithTheRunBefore()
{
    MainWindow* w = window();
    QVERIFY(w);
    QVERIFY(openAndWait(w, m_store.path));
    QSignalSpy shown(w->historyController(), &HistoryController::storedRunShown);
    // As a user does: choose the run in the list and open it.
    HistoryView* view = w->historyView();
    view->suitePicker()->setCurrentIndex(view->suitePicker()->findData(kSuite));
    QVERIFY(w->history()->loader()->waitForIdle(10'000));
    view->selectRun(m_store.ids[5]);
    const QModelIndex row = view->runsTable()->selectionModel()->selectedRows().value(0);
    QVERIFY(row.isValid());
    QVERIFY(QMetaObject::invokeMethod(view->runsTable(), "doubleClicked", Q_ARG(QModelIndex, row)));
    QVERIFY(shown.wait(10'000));
    QCOMPARE(shown.first().first().toLongLong(), m_store.ids[5]);
    QCOMPARE(w->shown()->storeId(), m_store.ids[5]);
    ResultsTableModel* model = w->resultsView()->model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, ResultsTableModel::Workload).data().toString(), kStep);
    QCOMPARE(model->index(1, ResultsTableModel::Workload).data().toString(), kFlat);
    QCOMPARE(model->index(0, ResultsTableModel::Verdict).data().toString(), QStringLiteral("regressed"));
    QCOMPARE(model->index(1, ResultsTableModel::Verdict).data().toString(), QStringLiteral("unchanged"));
    // Against a named baseline instead: the picker lists it; choosing it compares again.
    BaselinePicker* picker = w->baselinePicker();
    const int named = picker->findText(QStringLiteral("baseline \"release-1\""));
    QVERIFY(named > 0);
    // The picker names the run the changes were measured against, as the comparison names it.
    const QString previous = w->shown()->run()->results[0].baseline->name; // "previous run N"
    QVERIFY2(previous.startsWith(QStringLiteral("previous run ")), qPrintable(previous));
    QCOMPARE(picker->currentText(), QStringLiteral("previous run: run %1").arg(previous.mid(13)));
    picker->setCurrentIndex(named);
    Q_EMIT picker->activated(named);
    QVERIFY(shown.wait(10'000));
    QVERIFY(w->history()->loader()->waitForIdle(10'000));
    QCOMPARE(w->shown()->run()->results[0].baseline->name, QStringLiteral("release-1"));
    QCOMPARE(picker->currentText(), QStringLiteral("baseline \"release-1\""));
    QCOMPARE(model->index(0, ResultsTableModel::Verdict).data().toString(), QStringLiteral("regressed"));
}

void TestHistoryView::exportOfReopenedRunWritesFilesWithTrend()
{
    MainWindow* w = window({report::pdfReportFormat()});
    QVERIFY(w);
    QVERIFY(openAndWait(w, m_store.path));
    QSignalSpy trends(w->shown(), &ShownRun::trendsLoaded);
    w->historyController()->showStoredRun(m_store.ids[8]);
    QVERIFY(trends.wait(10'000));
    QCOMPARE(w->shown()->trends().size(), std::size_t(2));
    QCOMPARE(w->shown()->trends()[0].points.size(), std::size_t(9)); // up to the run itself
    QTemporaryDir out;
    QSignalSpy exported(w->exports(), &ExportController::finished); // written off the GUI thread
    const Expected<void> started = w->exports()->exportShownRun(
        out.path(), {QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("md"), QStringLiteral("pdf")});
    QVERIFY2(started, qPrintable(errorText(started)));
    QVERIFY(exported.wait(60'000));
    QVERIFY2(exported.first().at(2).toString().isEmpty(), qPrintable(exported.first().at(2).toString()));
    for (const char* name : {"results.json", "summary.csv", "samples.csv", "summary.md", "report.pdf"})
        QVERIFY2(QFile::exists(out.filePath(QLatin1String(name))), name);
    QFile json(out.filePath(QStringLiteral("results.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QByteArray bytes = json.readAll();
    QVERIFY(bytes.contains(kStep.toUtf8()));
    QVERIFY(bytes.contains(runOf(8, 0).info.gitCommit.toUtf8())); // that run, not another
    const QString text = pdftotext(out.filePath(QStringLiteral("report.pdf")));
    QVERIFY2(!text.isEmpty(), "pdftotext (poppler-utils) could not read report.pdf");
    QVERIFY(text.contains(QStringLiteral("Trend over history")));
    QVERIFY(text.contains(kStep));
    QVERIFY(text.contains(kFlat));
}

void TestHistoryView::savingABaselineReachesThePicker()
{
    MainWindow* w = window();
    QVERIFY(w);
    QVERIFY(openAndWait(w, m_store.path));
    QSignalSpy saved(w->historyView(), &HistoryView::baselineSaved);
    w->historyView()->saveBaseline(QStringLiteral("candidate"), m_store.ids[9]);
    QVERIFY(saved.wait(10'000));
    QVERIFY(w->history()->loader()->waitForIdle(10'000));
    QVERIFY(w->baselinePicker()->findText(QStringLiteral("baseline \"candidate\"")) > 0);
    auto store = HistoryStore::open(m_store.path);
    QVERIFY2(store, qPrintable(errorText(store)));
    QCOMPARE((*store)->baselineRun(QStringLiteral("candidate")).value_or(0), m_store.ids[9]);
}

void TestHistoryView::windowRunIsRecordedAndTheNextComparesWithIt()
{
    const QString path = m_dir->filePath(QStringLiteral("empty.sqlite"));
    MainWindow* w = window({report::pdfReportFormat()});
    QVERIFY(w);
    // As --run does: the run waits for the store, which is opened off the GUI thread.
    w->historyController()->open(path);
    bool openWhenCalled = false;
    w->historyController()->whenReady([&] { openWhenCalled = w->history()->isOpen(); });
    QTRY_VERIFY_WITH_TIMEOUT(openWhenCalled, 10'000);
    QCOMPARE(w->baselinePicker()->currentText(), QStringLiteral("previous run"));
    QVERIFY(w->history()->loader()->waitForIdle(10'000));
    const QStringList ids{QStringLiteral("architecture.errors.values")};
    QSignalSpy recorded(w->historyController(), &HistoryController::runRecorded);
    QVERIFY(runToEnd(w, ids));
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 10'000); // recorded off the GUI thread, maybe already
    const qint64 first = recorded.first().first().toLongLong();
    {
        auto store = HistoryStore::open(path);
        QVERIFY2(store, qPrintable(errorText(store)));
        const auto runs = (*store)->runs({}, 0).value_or({});
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].id, first);
        QCOMPARE(runs[0].workloadCount, 1);
        QCOMPARE(runs[0].info.host, QSysInfo::machineHostName());
        QVERIFY(!(*store)->results(ids[0], {}, 0, true)->front().result.samples.empty());
    }
    QVERIFY(w->history()->loader()->waitForIdle(10'000));
    QCOMPARE(w->shown()->storeId(), first);
    QCOMPARE(w->historyView()->runsModel()->rowCount(), 1);

    // The second run: the first, fetched from the store, is drawn behind it and compared with.
    // An export asked for the moment the run ends (as a user's Ctrl+E may be) waits until the
    // comparison and the run's trend are in, and carries both.
    QTemporaryDir out;
    QSignalSpy exported(w->exports(), &ExportController::finished);
    QSignalSpy trendsLoaded(w->shown(), &ShownRun::trendsLoaded);
    int trendsBeforeExport = -1;
    connect(w->exports(), &ExportController::finished, this, [&] { trendsBeforeExport = int(trendsLoaded.size()); });
    const QMetaObject::Connection exportAtOnce = connect(w->controller(), &RunController::runFinished, this, [&] {
        const Expected<void> started =
            w->exports()->exportShownRun(out.path(), {QStringLiteral("json"), QStringLiteral("pdf")});
        QVERIFY2(started, qPrintable(errorText(started)));
    });
    QVERIFY(runToEnd(w, ids));
    disconnect(exportAtOnce);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 30'000);
    QCOMPARE(exported.first().at(2).toString(), QString());
    QCOMPARE(trendsBeforeExport, 1);
    QFile json(out.filePath(QStringLiteral("results.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject compared = QJsonDocument::fromJson(json.readAll())
                                     .object()[QStringLiteral("workloads")]
                                     .toArray()
                                     .at(0)
                                     .toObject()[QStringLiteral("baseline")]
                                     .toObject();
    QCOMPARE(compared[QStringLiteral("name")].toString(), QStringLiteral("previous run %1").arg(first));
    const QString text = pdftotext(out.filePath(QStringLiteral("report.pdf")));
    QVERIFY2(text.contains(QStringLiteral("Trend over history")), qPrintable(text.left(2000)));
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 2, 10'000);
    QVERIFY(w->history()->loader()->waitForIdle(10'000));
    QTRY_VERIFY_WITH_TIMEOUT(w->shown()->run()->results[0].baseline.has_value(), 10'000);
    QCOMPARE(w->shown()->run()->results[0].baseline->name, QStringLiteral("previous run %1").arg(first));
    const QString verdict = w->resultsView()->model()->index(0, ResultsTableModel::Verdict).data().toString();
    QVERIFY2(QStringList({"regressed", "improved", "unchanged", "inconclusive", "unstable"}).contains(verdict),
             qPrintable(verdict));
    // The previous run is drawn behind this one as a band; it was measured in a window, so its
    // memory is too.
    QVERIFY(w->liveView()->latencyChart()->band().has_value());
    QVERIFY(w->liveView()->memoryChart()->band().has_value());
    QCOMPARE(w->liveView()->latencyChart()->chart()->series().size(), 2); // legend: the band, this run
    auto reopened = HistoryStore::open(path);
    QVERIFY2(reopened, qPrintable(errorText(reopened)));
    QCOMPARE((*reopened)->runs({}, 1)->front().source, kWindowRunSource);
    // The row chosen at the end shows its distribution beside the previous run's.
    auto boxes = [w]() -> qsizetype {
        const QChart* chart = w->resultsView()->distributionHost()->chart();
        const auto* box = chart && !chart->series().isEmpty()
            ? qobject_cast<const QBoxPlotSeries*>(chart->series().front())
            : nullptr;
        return box ? box->count() : 0;
    };
    QTRY_COMPARE_WITH_TIMEOUT(boxes(), 2, 10'000);
    const auto* box =
        qobject_cast<const QBoxPlotSeries*>(w->resultsView()->distributionHost()->chart()->series().front());
    QCOMPARE(box->boxSets().front()->label(), QStringLiteral("previous run %1").arg(first));
    QCOMPARE(box->boxSets().back()->label(), QStringLiteral("this run"));
    QCOMPARE(w->historyView()->runsModel()->rowCount(), 2);
}

void TestHistoryView::closingRightAfterARunStillRecordsIt()
{
    const QString path = m_dir->filePath(QStringLiteral("closing.sqlite"));
    MainWindow* w = window();
    QVERIFY(w);
    QVERIFY(openAndWait(w, path));
    w->workloadTree()->setCheckedIds({QStringLiteral("architecture.errors.values")});
    QSignalSpy finished(w->controller(), &RunController::runFinished);
    QVERIFY(w->startRun(true));
    // Keep the store's thread busy until just after the run, so that the recording is queued
    // behind this read when the window goes.
    auto runOver = std::make_shared<std::atomic<bool>>(false);
    w->history()->loader()->request<int>(
        w,
        [runOver](HistoryStore&) -> Expected<int> {
            while (!runOver->load())
                QThread::msleep(5);
            QThread::msleep(200);
            return 0;
        },
        [](Expected<int>) {});
    QVERIFY(finished.wait(60'000));
    runOver->store(true);
    m_window.reset(); // closed at once: the queued reads are dropped, the recording is not
    auto store = HistoryStore::open(path);
    QVERIFY2(store, qPrintable(errorText(store)));
    QCOMPARE((*store)->runs({}, 0)->size(), std::size_t(1));
}

void TestHistoryView::unopenableStoreKeepsTheWindowWorking()
{
    // A file that is not a database.
    const QString path = m_dir->filePath(QStringLiteral("not-a-db.sqlite"));
    QFile junk(path);
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(8192, 'x'));
    junk.close();
    MainWindow* w = window();
    QVERIFY(w);
    QSignalSpy failed(w->history(), &WindowHistory::openFailed);
    w->historyController()->open(path);
    QVERIFY(failed.wait(10'000));
    QVERIFY2(failed.first().first().toString().contains(path), qPrintable(failed.first().first().toString()));
    QVERIFY(!w->history()->isOpen());
    // The status bar says so, naming the store.
    bool named = false;
    for (const QLabel* label : w->statusBar()->findChildren<QLabel*>())
        named = named || label->text().contains(path);
    QVERIFY(named);
    // And the window still runs, comparing with its own runs.
    QVERIFY(runToEnd(w, {QStringLiteral("architecture.plugins.static")}));
    QCOMPARE(w->resultsView()->model()->rowCount(), 1);
    QCOMPARE(w->baselinePicker()->currentKind(), int(BaselinePicker::PreviousWindowRun));
    QCOMPARE(w->baselinePicker()->currentText(), QStringLiteral("previous run: none yet"));
    QCOMPARE(w->shown()->storeId(), qint64(0));
    // The run's progress took the status text; the reason stays in the history's own widget.
    bool kept = false;
    for (const QLabel* label : w->statusBar()->findChildren<QLabel*>())
        kept = kept
            || (label->text().startsWith(QStringLiteral("History unavailable")) && label->toolTip().contains(path));
    QVERIFY(kept);
}

QTEST_MAIN(TestHistoryView)
#include "tst_historyview.moc"
