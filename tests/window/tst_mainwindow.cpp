// The dashboard driven as a user would, on the offscreen platform: open suites, filter, choose,
// run, stop, see charts, table and comparison update, export.
#include "BaselinePicker.h"
#include "BuiltInWorkloads.h"
#include "CompareCommandsDialog.h"
#include "ComparisonView.h"
#include "EmptyState.h"
#include "EnvironmentBadge.h"
#include "ErrorText.h"
#include "ExportController.h"
#include "HistoryView.h"
#include "LiveChart.h"
#include "LiveView.h"
#include "MainWindow.h"
#include "MeasurementFields.h"
#include "PdfReport.h"
#include "ResultsTableModel.h"
#include "ResultsView.h"
#include "RunController.h"
#include "ShownRun.h"
#include "ShownVerdicts.h"
#include "Statistics.h"
#include "SuiteController.h"
#include "TestFiles.h"
#include "WindowGeometry.h"
#include "WindowTesting.h"
#include "WorkloadTree.h"
#include "cli/CommandLine.h"

#include "ChartHost.h"

#include <QAbstractAxis>
#include <QAbstractItemModelTester>
#include <QChart>
#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QtTest>

using namespace crucible;
using namespace crucible::gui;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void filterHidesRowsButKeepsChecks();
    void runFillsChartsAndTable();
    void stopHaltsQuickly();
    void secondRunOverlaysAndComparesWithTheFirst();
    void baselinePickerNamesTheRunComparedWith();
    void emptyTabsHintUntilDataArrives();
    void firstGeometryFitsTheScreen();
    void choosingARowShowsItsCharts();
    void exportWritesFiles();
    void exportWritesPdfOffTheGuiThread();
    void liveChartDecimates();
    void liveChartKeepsItsLineWhenOverlaysChange();
    void liveViewDrawsTheBaselineAsABand();
    void openingASuiteFillsTheTreeAndRuns();
    void commandLineChoosesSuiteWorkloadsAndSettings();
    void commandsAreComparedWithAllLinesDrawn();
    void badSuiteKeepsTheOldOne_data();
    void badSuiteKeepsTheOldOne();
    void suiteAndSettingsComeBackAtStart();
    void comparisonShowsPairsBudgetsAndClaims();
    void environmentBadgeFollowsTheShownRun();
    void resultsTableExplainsVerdictsAndMarksInstability();
    void liveViewKeepsEachWorkloadsRoundsAndTheMachineSpeed();
    void liveViewDrawsBothSidesOfAPair();
    void treeMarksWhatTheChartsDraw();
    void windowRunsMenuSaysWhatItHolds();

private:
    bool runToEnd(const QStringList& ids) { return ::runToEnd(m_window.get(), ids); }
    // A suite file in the test's temporary folder.
    QString writeSuite(const QString& name, const QByteArray& json);
    void recreateWindow(ExternalReports reports = {});

    QTemporaryDir m_dir;

    WorkloadRegistry m_registry;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    keepSettingsIn(m_dir.filePath(QStringLiteral("settings")));
    workloads::registerBuiltInWorkloads(m_registry);
}

void TestMainWindow::init()
{
    QSettings().clear();
    recreateWindow();
}

void TestMainWindow::recreateWindow(ExternalReports reports)
{
    if (m_window)
        m_window->close(); // saves its settings, as closing the real window does
    m_window.reset();
    m_window = std::make_unique<MainWindow>(m_registry, std::move(reports));
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    new QAbstractItemModelTester(m_window->resultsView()->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, m_window.get());
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

QString TestMainWindow::writeSuite(const QString& name, const QByteArray& json)
{
    return writeTestFile(m_dir.filePath(name), json);
}

void TestMainWindow::filterHidesRowsButKeepsChecks()
{
    WorkloadTree* tree = m_window->workloadTree();
    const int all = tree->visibleWorkloadCount();
    QCOMPARE(all, int(m_registry.all().size()));
    QTest::keyClicks(tree->findChild<QLineEdit*>(QStringLiteral("workloadFilter")), QStringLiteral("tool_exec"));
    QVERIFY(tree->visibleWorkloadCount() >= 2);
    QVERIFY(tree->visibleWorkloadCount() < all);
    QCOMPARE(tree->checkedIds().size(), all); // hidden rows stay checked
    tree->setFilterText(QString());
    QCOMPARE(tree->visibleWorkloadCount(), all);
}

void TestMainWindow::runFillsChartsAndTable()
{
    QVERIFY(runToEnd({QStringLiteral("architecture.errors.exceptions"), QStringLiteral("architecture.errors.values")}));
    ResultsTableModel* model = m_window->resultsView()->model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, ResultsTableModel::Status).data().toString(), QStringLiteral("ok"));
    QVERIFY(model->index(0, ResultsTableModel::Median).data().toString().endsWith(QStringLiteral("ns")));
    // The live charts hold the last slot's samples, redrawn (not appended point by point): the
    // errors pair's two sides, 10 samples each, one line each.
    LiveView* live = m_window->liveView();
    QCOMPARE(live->latencyChart()->currentLineCount(), std::size_t(2));
    QCOMPARE(live->latencyChart()->bufferedPoints(), 20);
    QCOMPARE(live->latencyChart()->shownPoints(), 20);
    QCOMPARE(live->memoryChart()->shownPoints(), 20);
    QVERIFY(m_window->shown()->run().has_value());
}

void TestMainWindow::stopHaltsQuickly()
{
    m_window->workloadTree()->setCheckedIds({QStringLiteral("architecture.alloc.small_objects")});
    m_window->findChild<QSpinBox*>()->setValue(1000); // long enough to be running when stopped
    QSignalSpy finished(m_window->controller(), &RunController::runFinished);
    QSignalSpy started(m_window->controller(), &RunController::workloadStarted);
    QVERIFY(m_window->startRun(false));
    QVERIFY(started.wait(10'000));
    QTest::qWait(200);
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    // Escape stopped it: 1000 samples would take far longer than the wait (how fast the stop
    // lands, ~10 ms when quiet, is a benchmark's figure, not a test's).
    QVERIFY(finished.wait(10'000));
    QVERIFY(finished.first().first().value<RunResult>().cancelled);
    QVERIFY(!m_window->controller()->isRunning());
}

void TestMainWindow::secondRunOverlaysAndComparesWithTheFirst()
{
    const QStringList ids{QStringLiteral("architecture.plugins.static")};
    QVERIFY(runToEnd(ids));
    // The first run had nothing to compare with: the line above the table says so, as the
    // terminal does, where the verdicts would be.
    QLabel* hint = m_window->resultsView()->comparisonHint();
    QTRY_VERIFY(m_window->shown()->state() == ShownRun::State::Settled);
    QVERIFY2(hint->isVisible() && hint->text().startsWith(QLatin1String("No earlier result to compare with yet")),
             qPrintable(hint->text()));
    QVERIFY2(hint->text().contains(QLatin1String("Save as baseline")), qPrintable(hint->text()));
    QCOMPARE(m_window->baselinePicker()->count(), 3); // "previous run", which is chosen, run 1 and "none"
    QCOMPARE(m_window->baselinePicker()->currentKind(), int(BaselinePicker::PreviousWindowRun));
    // While run 2 measures, run 1 is both the baseline and a recent run: drawn once, as the
    // baseline's band (seen right after the window has started showing the workload).
    bool latencyBand = false, memoryBand = false;
    std::size_t overlays = 99;
    qsizetype legend = 0;
    const QMetaObject::Connection watch = connect(m_window->controller(), &RunController::workloadStarted, this, [&] {
        charts::LiveChart* latency = m_window->liveView()->latencyChart();
        latencyBand = latency->band().has_value();
        memoryBand = m_window->liveView()->memoryChart()->band().has_value();
        overlays = latency->overlayCount();
        legend = latency->chart()->series().size();
    });
    QVERIFY(runToEnd(ids));
    disconnect(watch);
    QVERIFY(latencyBand);
    QVERIFY(memoryBand); // measured in this window too
    QCOMPARE(overlays, std::size_t(0));
    QCOMPARE(legend, 2); // the band, this run
    // Compared off the GUI thread: the verdict comes a moment later.
    auto verdict = [this] {
        return m_window->resultsView()->model()->index(0, ResultsTableModel::Verdict).data().toString();
    };
    QTRY_VERIFY2(QStringList({"regressed", "improved", "unchanged", "inconclusive", "unstable"}).contains(verdict()),
                 qPrintable(verdict()));
    QTRY_VERIFY(m_window->shown()->run()->results.front().baseline.has_value());
    QTRY_VERIFY(m_window->shown()->state() == ShownRun::State::Settled);
    QVERIFY2(!hint->isVisible(), qPrintable(hint->text())); // the second run has its verdict
}

void TestMainWindow::baselinePickerNamesTheRunComparedWith()
{
    const QStringList ids{QStringLiteral("architecture.plugins.static")};
    BaselinePicker* picker = m_window->baselinePicker();
    auto medianOf = [](const Result& r) {
        std::vector<double> ns;
        for (const Sample& s : r.samples)
            ns.push_back(s.perIterationNs());
        return stats::median(ns);
    };
    // The first run has nothing before it: the picker must not name the run itself.
    QVERIFY(runToEnd(ids));
    QVERIFY2(picker->currentText().startsWith(QStringLiteral("previous run")), qPrintable(picker->currentText()));
    QVERIFY2(!picker->currentText().contains(QStringLiteral("Run 1")), qPrintable(picker->currentText()));
    QVERIFY(!m_window->shown()->run()->results.front().baseline.has_value());

    // The second run is compared with the first, and the picker says so, not "Run 2".
    QVERIFY(runToEnd(ids));
    QTRY_VERIFY(m_window->shown()->run()->results.front().baseline.has_value());
    const std::vector<RunResult>& runs = m_window->controller()->runs();
    QCOMPARE(int(runs.size()), 2);
    const BaselineComparison compared = *m_window->shown()->run()->results.front().baseline;
    QCOMPARE(compared.median, medianOf(runs[0].results.front())); // the Change column's reference: run 1
    QVERIFY2(compared.name.startsWith(QStringLiteral("Run 1 (")), qPrintable(compared.name));
    QVERIFY2(picker->currentText().contains(compared.name), qPrintable(picker->currentText()));
    QVERIFY2(!picker->currentText().contains(QStringLiteral("Run 2")), qPrintable(picker->currentText()));
    QVERIFY(!picker->currentText().contains(QStringLiteral("(s)"))); // "1 workload", not "workload(s)"
    QVERIFY2(picker->toolTip().contains(picker->currentText()), qPrintable(picker->toolTip())); // in full

    // Choosing "none" for the shown run takes its changes away, and the picker says "none".
    const int none = picker->findData(int(BaselinePicker::None));
    picker->setCurrentIndex(none);
    Q_EMIT picker->activated(none);
    QTRY_VERIFY(!m_window->shown()->run()->results.front().baseline.has_value());
    QCOMPARE(picker->currentText(), QStringLiteral("none"));
    QVERIFY(m_window->resultsView()->model()->index(0, ResultsTableModel::Change).data().toString().isEmpty());

    // Choosing run 1 by name compares the shown run 2 with it again.
    const int first = picker->findData(0);
    picker->setCurrentIndex(first);
    Q_EMIT picker->activated(first);
    QTRY_VERIFY(m_window->shown()->run()->results.front().baseline.has_value());
    QCOMPARE(m_window->shown()->run()->results.front().baseline->median, medianOf(runs[0].results.front()));
    QVERIFY(picker->currentText().startsWith(QStringLiteral("Run 1 (")));
}

void TestMainWindow::emptyTabsHintUntilDataArrives()
{
    EmptyState* live = m_window->liveView()->emptyState();
    EmptyState* results = m_window->resultsView()->emptyState();
    // First start: a line saying what to do, not blank axes or an empty table.
    QVERIFY(live->showsHint());
    QVERIFY(live->hintLabel()->isVisible());
    QVERIFY2(live->hint().contains(QStringLiteral("press Run")), qPrintable(live->hint()));
    QVERIFY(live->hint().contains(QStringLiteral("Ctrl+R")));
    QVERIFY(results->showsHint());
    QCOMPARE(results->hint(), live->hint());
    QVERIFY(!m_window->findChild<QProgressBar*>()->isVisible()); // no run, no progress
    QStringList status;
    for (const QLabel* label : m_window->statusBar()->findChildren<QLabel*>())
        status << label->text();
    const QString suite =
        QStringLiteral("Built-in default suite: %1 workloads").arg(m_window->workloadTree()->visibleWorkloadCount());
    QVERIFY2(status.contains(suite), qPrintable(status.join(QStringLiteral(" | "))));

    QVERIFY(runToEnd({QStringLiteral("architecture.errors.values")}));
    QVERIFY(!live->showsHint());
    QVERIFY(live->currentWidget()->isAncestorOf(m_window->liveView()->latencyChart()));
    QVERIFY(!results->showsHint());
    QVERIFY(m_window->resultsView()->table()->isVisible());
    // The run is over: its progress bar goes rather than staying full.
    QVERIFY(!m_window->findChild<QProgressBar*>()->isVisible());

    // A chart with nothing to draw draws no axes (0…1 would mean nothing).
    charts::LiveChart empty(QStringLiteral("t"), QStringLiteral("x"), charts::LiveChart::ValueKind::TimeNs);
    QVERIFY(!empty.axesShown());
    const QPointF point(0, 100);
    empty.append(std::span<const QPointF>(&point, 1));
    empty.refresh();
    QVERIFY(empty.axesShown());
}

void TestMainWindow::firstGeometryFitsTheScreen()
{
    // A 1280×720 screen with a 32-pixel panel: the window and its frame fit, centred.
    const QRect available(0, 32, 1280, 688);
    const QRect first = firstWindowGeometry(QSize(1360, 860), available);
    QVERIFY(fitsOnScreen(first, available));
    QCOMPARE(first.center(), available.marginsRemoved(kFrameAllowance).center());
    QVERIFY(first.width() >= 1200); // not needlessly small
    // A large screen gets the preferred size.
    QCOMPARE(firstWindowGeometry(QSize(1360, 860), QRect(0, 0, 2560, 1440)).size(), QSize(1360, 860));
    // A geometry saved on a larger monitor does not fit any more; one saved here does.
    QVERIFY(!fitsOnScreen(QRect(100, 100, 1900, 1000), available));
    QVERIFY(fitsOnScreen(QRect(100, 100, 900, 500), available));

    // The window saved and reopened keeps a geometry that fits its screen.
    const QRect screen = m_window->screen()->availableGeometry();
    const QRect kept = firstWindowGeometry(m_window->minimumSizeHint(), screen);
    QVERIFY2(fitsOnScreen(kept, screen), "the window's minimum size does not fit the test screen");
    m_window->setGeometry(kept);
    m_window->close(); // saves its settings
    m_window.reset();
    MainWindow reopened(m_registry, {});
    QCOMPARE(reopened.geometry(), kept);
}

void TestMainWindow::choosingARowShowsItsCharts()
{
    QVERIFY(
        runToEnd({QStringLiteral("architecture.events.typed"), QStringLiteral("architecture.events.string_keyed")}));
    ResultsView* view = m_window->resultsView();
    view->selectWorkload(QStringLiteral("architecture.events.string_keyed"));
    QCOMPARE(view->selectedId(), QStringLiteral("architecture.events.string_keyed"));
    QVERIFY(view->distributionHost()->chart() != nullptr);
    QVERIFY(!view->distributionHost()->chart()->series().isEmpty());
    QCOMPARE(m_window->liveView()->currentId(), QStringLiteral("architecture.events.string_keyed"));
    // Sorting by median puts the faster typed events first.
    view->table()->sortByColumn(ResultsTableModel::Median, Qt::AscendingOrder);
    QCOMPARE(view->proxy()->index(0, 0).data().toString(), QStringLiteral("architecture.events.typed"));
}

void TestMainWindow::exportWritesFiles()
{
    QTemporaryDir dir;
    const Expected<void> early = m_window->exports()->exportShownRun(dir.path(), {QStringLiteral("json")});
    QVERIFY(!early); // nothing to export yet
    QVERIFY(!early.error().message.isEmpty());
    QVERIFY(runToEnd({QStringLiteral("architecture.errors.values")}));
    QSignalSpy exported(m_window->exports(), &ExportController::finished);
    const Expected<void> started = m_window->exports()->exportShownRun(
        dir.path(), {QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("md")});
    QVERIFY2(started, qPrintable(errorText(started)));
    QVERIFY(exported.wait(30'000));
    QCOMPARE(exported.first().at(2).toString(), QString()); // no error
    for (const char* name : {"results.json", "summary.csv", "samples.csv", "summary.md"})
        QVERIFY2(QFile::exists(dir.filePath(QLatin1String(name))), name);
    // The run's budgets and claims are in the files, as a headless run writes them.
    QFile json(dir.filePath(QStringLiteral("results.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
    QVERIFY(!root.value(QStringLiteral("budgets")).toArray().isEmpty());

    // An unwritable folder is reported with the export's own signal, naming it.
    QVERIFY(
        m_window->exports()->exportShownRun(QStringLiteral("/proc/crucible-no-such-dir"), {QStringLiteral("json")}));
    QVERIFY(exported.wait(30'000));
    QVERIFY2(exported.last().at(2).toString().contains(QStringLiteral("/proc/crucible-no-such-dir")),
             qPrintable(exported.last().at(2).toString()));
}

void TestMainWindow::exportWritesPdfOffTheGuiThread()
{
    recreateWindow({report::pdfReportFormat()});
    // File ▸ Export offers what --format takes, in its order: one list (junit and bmf included).
    QCOMPARE(m_window->exports()->allFormats(), knownFormats());
    QVERIFY(knownFormats().contains(QStringLiteral("junit")) && knownFormats().contains(QStringLiteral("bmf")));
    QVERIFY(
        runToEnd({QStringLiteral("architecture.events.typed"), QStringLiteral("architecture.events.string_keyed")}));
    QTemporaryDir dir;
    QSignalSpy exported(m_window->exports(), &ExportController::finished);
    const Expected<void> started =
        m_window->exports()->exportShownRun(dir.path(), {QStringLiteral("json"), QStringLiteral("pdf")});
    QVERIFY2(started, qPrintable(errorText(started)));
    // The GUI thread is free while the report is written: a timer keeps firing.
    int ticks = 0;
    QTimer tick;
    connect(&tick, &QTimer::timeout, [&] { ++ticks; });
    tick.start(1);
    QVERIFY(exported.wait(60'000));
    QCOMPARE(exported.first().at(2).toString(), QString());
    QVERIFY(exported.first().at(1).toStringList().contains(QStringLiteral("report.pdf")));
    QFile pdf(dir.filePath(QStringLiteral("report.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(pdf.size() > 10'000); // with its charts
    QVERIFY(ticks > 0);
}

void TestMainWindow::liveChartDecimates()
{
    charts::LiveChart chart(QStringLiteral("t"), QStringLiteral("x"), charts::LiveChart::ValueKind::TimeNs);
    chart.resize(400, 300);
    QList<QPointF> points;
    for (int i = 0; i < 100'000; ++i)
        points.append(QPointF(i, 1000 + (i % 97)));
    chart.append(points);
    QVERIFY(chart.refresh());
    QVERIFY(!chart.refresh()); // nothing new: no redraw
    QCOMPARE(chart.bufferedPoints(), 100'000);
    QVERIFY2(chart.shownPoints() <= 2 * 2000, qPrintable(QString::number(chart.shownPoints())));
    QVERIFY(chart.shownPoints() >= 100);
}

void TestMainWindow::liveChartKeepsItsLineWhenOverlaysChange()
{
    charts::LiveChart chart(QStringLiteral("t"), QStringLiteral("x"), charts::LiveChart::ValueKind::TimeNs);
    chart.resize(400, 300);
    const QList<QPointF> points{{0, 10}, {1, 12}, {2, 11}};
    chart.append(points);
    QVERIFY(chart.refresh());
    QCOMPARE(chart.shownPoints(), 3);
    // Earlier runs arriving from the history while the workload runs: the line stays.
    chart.setHistory(std::nullopt, {QList<QPointF>{{0, 9}, {1, 9}}, QList<QPointF>{{0, 8}}},
                     {QStringLiteral("a"), QStringLiteral("b")});
    QCOMPARE(chart.shownPoints(), 3);
    QVERIFY(chart.refresh());
    QCOMPARE(chart.shownPoints(), 3);
    QCOMPARE(chart.chart()->series().size(), 3); // a legend entry for each overlay and the run
    // The next workload's earlier runs, as many: the legend's entries are renamed in place, not
    // taken out of the chart and put back (which lays the whole chart out again).
    const QList<QAbstractSeries*> before = chart.chart()->series();
    chart.setHistory(std::nullopt, {QList<QPointF>{{0, 7}}, QList<QPointF>{{0, 6}}},
                     {QStringLiteral("c"), QStringLiteral("d")});
    QCOMPARE(chart.chart()->series(), before);
    QCOMPARE(chart.chart()->series().front()->name(), QStringLiteral("c"));
    chart.clear();
    QVERIFY(chart.refresh());
    QCOMPARE(chart.shownPoints(), 0);
}

void TestMainWindow::liveViewDrawsTheBaselineAsABand()
{
    // A baseline of 8 samples at 100…800 ns per iteration and 10…80 MiB, measured headless;
    // a recent run measured in a window.
    auto resultOf = [](int samples) {
        Result r;
        r.info.id = QStringLiteral("w");
        for (int i = 1; i <= samples; ++i)
            r.samples.push_back(Sample{1, 100.0 * i, 0, std::int64_t(i) * 10 * 1024 * 1024});
        return r;
    };
    LiveOverlays earlier;
    earlier.baseline = EarlierRun{resultOf(8), QStringLiteral("baseline v1"), {}, false};
    earlier.recent.push_back(EarlierRun{resultOf(3), QStringLiteral("run 7"), {}, true});
    LiveView view;
    view.resize(600, 600);
    WorkloadInfo info;
    info.id = QStringLiteral("w");
    view.showWorkload(info, earlier);
    view.refresh();

    const std::optional<charts::LiveChart::Band>& latency = view.latencyChart()->band();
    QVERIFY(latency.has_value());
    // numpy.percentile([100..800], [25, 50, 75]) = 275, 450, 625
    QCOMPARE(latency->low, 275.0);
    QCOMPARE(latency->middle, 450.0);
    QCOMPARE(latency->high, 625.0);
    QVERIFY(latency->label.startsWith(QStringLiteral("baseline v1")));
    QCOMPARE(view.latencyChart()->overlayCount(), std::size_t(1));
    // The headless baseline's memory is another process's: no band; the window run's line stays.
    QVERIFY(!view.memoryChart()->band().has_value());
    QCOMPARE(view.memoryChart()->overlayCount(), std::size_t(1));
    // Legend order: the band, the earlier run, this run.
    const QList<QAbstractSeries*> series = view.latencyChart()->chart()->series();
    QCOMPARE(series.size(), 3);
    QCOMPARE(series.front()->name(), latency->label);
    QCOMPARE(series.back()->name(), QStringLiteral("this run"));

    earlier.baseline->memoryCompares = true;
    view.setEarlier(QStringLiteral("w"), earlier);
    QVERIFY(view.memoryChart()->band().has_value());
    QCOMPARE(view.memoryChart()->band()->middle, 45.0 * 1024 * 1024);
    // A new workload starts without them.
    info.id = QStringLiteral("other");
    view.showWorkload(info, {});
    QVERIFY(!view.latencyChart()->band().has_value());
    QCOMPARE(view.latencyChart()->chart()->series().size(), 1);
}

void TestMainWindow::openingASuiteFillsTheTreeAndRuns()
{
    const QString path = writeSuite(QStringLiteral("tiny.json"), R"({
        "name": "tiny",
        "defaults": { "samples": 7, "warm_up_s": 0.05, "measurement_s": 0.2 },
        "workloads": [
            { "id": "architecture.errors.values" },
            { "id": "tools.true", "command": ["true"] }
        ]
    })");
    const Expected<void> opened = m_window->suites()->open(path);
    QVERIFY2(opened, qPrintable(errorText(opened)));
    WorkloadTree* tree = m_window->workloadTree();
    QCOMPARE(tree->visibleWorkloadCount(), 2);
    QCOMPARE(tree->checkedIds(),
             QStringList({QStringLiteral("architecture.errors.values"), QStringLiteral("tools.true")}));
    QCOMPARE(m_window->suites()->file(), path);
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("tiny")));
    QCOMPARE(m_window->measurement()->settings().sampleCount, 7); // the suite's defaults fill the tool bar
    QCOMPARE(QSettings().value(QStringLiteral("suite/recent")).toStringList().value(0),
             QFileInfo(path).absoluteFilePath());

    // Both kinds of workload run from the window, the command one included.
    QSignalSpy finished(m_window->controller(), &RunController::runFinished);
    QVERIFY(m_window->startRun(false));
    QVERIFY(finished.wait(60'000));
    const RunResult run = finished.first().first().value<RunResult>();
    QCOMPARE(run.info.suiteName, QStringLiteral("tiny"));
    QCOMPARE(int(run.results.size()), 2);
    QCOMPARE(run.results[1].info.id, QStringLiteral("tools.true"));
    QCOMPARE(run.results[1].status, Status::Ok);
    QCOMPARE(int(run.results[1].samples.size()), 7);
    QCOMPARE(m_window->resultsView()->model()->rowCount(), 2);
}

void TestMainWindow::commandLineChoosesSuiteWorkloadsAndSettings()
{
    const QString path = writeSuite(QStringLiteral("cli.json"), R"({"name": "cli-suite",
        "defaults": { "samples": 7, "measurement_s": 0.5 },
        "workloads": [{"id": "architecture.errors.values"}, {"id": "architecture.errors.exceptions"},
                      {"id": "tools.true", "command": ["true"]}]})");
    const ParsedCommandLine parsed =
        parseCommandLine({QStringLiteral("crucible-bench"), QStringLiteral("--suite"), path,
                          QStringLiteral("--sample-size"), QStringLiteral("9"), QStringLiteral("tools")},
                         QProcessEnvironment());
    QVERIFY2(parsed.options, qPrintable(parsed.error.message));
    QVERIFY(m_window->applyCommandLine(*parsed.options));
    QCOMPARE(m_window->suites()->file(), path);
    QCOMPARE(m_window->workloadTree()->checkedIds(), QStringList{QStringLiteral("tools.true")}); // FILTER words
    QCOMPARE(m_window->measurement()->settings().sampleCount, 9);          // the flag beats the suite's default
    QCOMPARE(m_window->measurement()->settings().measurementSeconds, 0.5); // the suite's default beats the window's
}

void TestMainWindow::commandsAreComparedWithAllLinesDrawn()
{
    // --command in the window: the commands are the tree, measured interleaved, and the live
    // view draws both at once.
    const ParsedCommandLine parsed = parseCommandLine(
        {"crucible-bench", "-c", "true", "-c", "/bin/echo hi", "--runs", "4", "--warmup", "1"}, QProcessEnvironment());
    QVERIFY2(parsed.options, qPrintable(parsed.error.message));
    QVERIFY(m_window->applyCommandLine(*parsed.options));
    const QStringList ids{QStringLiteral("true"), QStringLiteral("_bin_echo_hi")};
    QCOMPARE(m_window->workloadTree()->checkedIds(), ids);
    QVERIFY(m_window->controller()->suite().interleaved);
    QSignalSpy finished(m_window->controller(), &RunController::runFinished);
    QVERIFY(m_window->startRun(false));
    QVERIFY(finished.wait(60'000));
    const RunResult run = finished.first().first().value<RunResult>();
    QCOMPARE(run.info.suiteName, QStringLiteral("commands"));
    QCOMPARE(int(run.results.size()), 2);
    QCOMPARE(int(run.results[1].samples.size()), 4);
    QCOMPARE(m_window->liveView()->shownIds(), ids);

    // File ▸ Compare commands…: one command per line, blank lines skipped, the shell split.
    gui::CompareCommandsDialog dialog(m_window.get());
    dialog.commandsEdit()->setPlainText(QStringLiteral("sleep 0.01\n\n  true \n"));
    dialog.shellEdit()->setText(QStringLiteral("bash --norc"));
    const Expected<CommandLineCommands> commands = dialog.commands();
    QVERIFY(commands);
    QCOMPARE(commands->commands, (QStringList{"sleep 0.01", "true"}));
    QCOMPARE(commands->shell, (QStringList{"bash", "--norc"}));
    dialog.commandsEdit()->setPlainText(QStringLiteral(" \n"));
    QVERIFY(!dialog.commands());
}

void TestMainWindow::badSuiteKeepsTheOldOne_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("named"); // what the message must name besides the file
    QTest::newRow("wrong type") << QByteArray(
        R"({"name": "bad", "workloads": [{"id": "x", "command": ["true"], "timeout_s": "ten"}]})")
                                << QStringLiteral("workloads[0].timeout_s");
    QTest::newRow("unknown id") << QByteArray(R"({"name": "bad", "workloads": [{"id": "architecture.nope"}]})")
                                << QStringLiteral("architecture.nope");
    QTest::newRow("broken JSON") << QByteArray(R"({"name": "bad",
  "workloads": [
)") << QStringLiteral("line");
}

void TestMainWindow::badSuiteKeepsTheOldOne()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, named);
    const QString good = writeSuite(QStringLiteral("good.json"),
                                    R"({"name": "good", "workloads": [{"id": "architecture.errors.values"}]})");
    const Expected<void> opened = m_window->suites()->open(good);
    QVERIFY2(opened, qPrintable(errorText(opened)));
    const QString bad = writeSuite(QStringLiteral("bad.json"), json);
    const Expected<void> refused = m_window->suites()->open(bad);
    QVERIFY(!refused);
    const QString error = refused.error().message;
    QVERIFY2(error.contains(bad) && error.contains(named), qPrintable(error));
    QCOMPARE(refused.error().kind, ErrorKind::Input);
    QCOMPARE(m_window->suites()->file(), good);
    QCOMPARE(m_window->controller()->suite().name, QStringLiteral("good"));
    QCOMPARE(m_window->workloadTree()->checkedIds(), QStringList{QStringLiteral("architecture.errors.values")});
    QCOMPARE(QSettings().value(QStringLiteral("suite/last")).toString(), good); // not the bad one
    const Expected<void> missing = m_window->suites()->open(m_dir.filePath(QStringLiteral("missing.json")));
    QVERIFY(!missing);
    QVERIFY2(missing.error().message.contains(QStringLiteral("missing.json")), qPrintable(missing.error().message));
}

void TestMainWindow::suiteAndSettingsComeBackAtStart()
{
    const QString path = writeSuite(QStringLiteral("kept.json"), R"({"name": "kept", "workloads": [
        {"id": "architecture.errors.values"}, {"id": "architecture.errors.exceptions"}]})");
    const Expected<void> opened = m_window->suites()->open(path);
    QVERIFY2(opened, qPrintable(errorText(opened)));
    m_window->workloadTree()->setCheckedIds({QStringLiteral("architecture.errors.exceptions")});
    m_window->findChild<QSpinBox*>()->setValue(77);
    recreateWindow();
    QCOMPARE(m_window->suites()->file(), path);
    QCOMPARE(m_window->workloadTree()->visibleWorkloadCount(), 2);
    QCOMPARE(m_window->workloadTree()->checkedIds(), QStringList{QStringLiteral("architecture.errors.exceptions")});
    QCOMPARE(m_window->measurement()->settings().sampleCount, 77); // the user's value, not the suite's

    // The last suite gone: the window starts with the built-in suite and says why.
    QVERIFY(QFile::remove(path));
    recreateWindow();
    QCOMPARE(m_window->suites()->file(), QString());
    QCOMPARE(m_window->workloadTree()->visibleWorkloadCount(), int(m_registry.all().size()));
}

void TestMainWindow::comparisonShowsPairsBudgetsAndClaims()
{
    QSignalSpy shown(m_window->verdicts(), &ShownVerdicts::verdictsShown);
    QVERIFY(runToEnd({QStringLiteral("architecture.events.typed"), QStringLiteral("architecture.events.string_keyed"),
                      QStringLiteral("script_engine.tool_exec.simple")}));
    // The verdicts may already be shown by the time the run's end has been waited for.
    QVERIFY(shown.count() > 0 || shown.wait(30'000));
    ComparisonView* view = m_window->comparisonView();
    QVERIFY(view->ratioHost()->chart() != nullptr);
    // The default suite's claim on the events pair, with a verdict; its budget on tool_exec.
    QTableWidget* claims = view->claimTable();
    bool eventsClaim = false;
    for (int r = 0; r < claims->rowCount(); ++r)
        if (claims->item(r, 5)->text().contains(QStringLiteral("architecture.events.string_keyed"))) {
            eventsClaim = true;
            QVERIFY(claims->item(r, 2)->text().endsWith(QLatin1Char('%')));
            QVERIFY(QStringList({"confirmed", "refuted", "inconclusive"}).contains(claims->item(r, 1)->text()));
        }
    QVERIFY(eventsClaim);
    QTableWidget* budgets = view->budgetTable();
    bool toolBudget = false;
    for (int r = 0; r < budgets->rowCount(); ++r)
        if (budgets->item(r, 0)->text() == QStringLiteral("script_engine.tool_exec.simple")
            && budgets->item(r, 1)->text() == QStringLiteral("median_ms")) {
            toolBudget = true;
            QCOMPARE(budgets->item(r, 4)->text(), QStringLiteral("passed"));
        }
    QVERIFY(toolBudget);
    QVERIFY(!m_window->shown()->run()->claims.empty()); // exports carry them
    // Every row shows, notes wrap in the widest column, and the chart says how to read it.
    for (QTableWidget* table : {claims, budgets}) {
        QVERIFY(table->wordWrap());
        QCOMPARE(table->verticalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
        QVERIFY(table->height() >= table->verticalHeader()->length());
        QCOMPARE(table->horizontalHeader()->sectionResizeMode(table->columnCount() - 1), QHeaderView::Stretch);
    }
    const QList<QAbstractAxis*> vertical = view->ratioHost()->chart()->axes(Qt::Vertical);
    QVERIFY(!vertical.isEmpty());
    QVERIFY2(vertical.first()->titleText().contains(QStringLiteral("below 1: new way faster")),
             qPrintable(vertical.first()->titleText()));
}

void TestMainWindow::environmentBadgeFollowsTheShownRun()
{
    auto* badge = m_window->findChild<EnvironmentBadge*>(QStringLiteral("environmentBadge"));
    QVERIFY(badge);
    QVERIFY(!badge->isVisible()); // no run shown yet
    QVERIFY(runToEnd({QStringLiteral("architecture.errors.values")}));
    // Whatever this machine is, the badge says what the shown run's environment says.
    const RunEnvironment& env = m_window->shown()->run()->info.environment;
    QVERIFY(env.sampledSeconds.has_value() || env.loadBefore.has_value());
    QCOMPARE(badge->isVisible(), !env.warnings.empty());
    if (!env.warnings.empty()) {
        QVERIFY(badge->text().startsWith(QStringLiteral("⚠ %1 environment warning").arg(env.warnings.size())));
        for (const EnvironmentWarning& w : env.warnings)
            QVERIFY2(badge->toolTip().contains(w.message.toHtmlEscaped()), qPrintable(w.message));
    }

    // A machine set up badly, and one with nothing to say.
    RunEnvironment bad;
    bad.governors = {QStringLiteral("powersave")};
    bad.turbo = true;
    bad.aslr = 2;
    judgeEnvironment(bad);
    badge->setEnvironment(bad);
    QVERIFY(badge->isVisible());
    QCOMPARE(badge->text(), QStringLiteral("⚠ 3 environment warnings"));
    QVERIFY(badge->toolTip().contains(QStringLiteral("Turbo")));
    QVERIFY(badge->toolTip().contains(QStringLiteral("cpu_governor")));
    QTest::mouseClick(badge, Qt::LeftButton);
    auto* details = m_window->findChild<QDialog*>(QStringLiteral("environmentDetails"));
    QVERIFY(details && details->isVisible());
    QVERIFY(details->findChild<QTextBrowser*>()->toPlainText().contains(QStringLiteral("Turbo boost is on")));
    badge->setEnvironment(RunEnvironment{});
    QVERIFY(!details->isVisible());
    QVERIFY(!badge->isVisible());
    QVERIFY(badge->text().isEmpty());
}

QTEST_MAIN(TestMainWindow)
void TestMainWindow::resultsTableExplainsVerdictsAndMarksInstability()
{
    Result r;
    r.info.id = QStringLiteral("architecture.x");
    r.samples = {Sample{10, 1000, 900, 4096}, Sample{10, 1010, 900, 4096}};
    computeStatistics(r);
    r.stability = Stability{true, 7, 31.0};
    BaselineComparison b;
    b.name = QStringLiteral("previous run 4");
    b.verdict = ChangeVerdict::Unstable;
    b.judgedChangePct = 12.0;
    b.ci95Pct = {6.0, 18.0};
    b.noiseSource = QStringLiteral("run-to-run ±2.0% over the last 6 runs");
    b.rule = QStringLiteral("would be regressed, but the candidate shifts level at sample 7 (+31.0%)");
    r.baseline = b;
    ResultsTableModel model;
    model.setResults({r});
    const QModelIndex verdict = model.index(0, ResultsTableModel::Verdict);
    QCOMPARE(verdict.data().toString(), QStringLiteral("unstable"));
    QVERIFY(!verdict.data(Qt::DecorationRole).value<QIcon>().isNull()); // the warning icon
    const QString tip = verdict.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(b.explanation()), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("sample 7")), qPrintable(tip));
    QVERIFY(verdict.data(Qt::ForegroundRole).value<QColor>().isValid());
}

void TestMainWindow::liveViewKeepsEachWorkloadsRoundsAndTheMachineSpeed()
{
    LiveView view;
    view.startRun();
    const WorkloadInfo a{QStringLiteral("test.a"), Category::System};
    const WorkloadInfo b{QStringLiteral("test.b"), Category::System};
    const Samples three{Sample{1, 100, 0, 0}, Sample{1, 110, 0, 0}, Sample{1, 120, 0, 0}};
    // Round 1: a, then b; round 2: back to a, whose line goes on from its third sample.
    view.showWorkload(a, {});
    view.addSamples(a.id, three);
    view.addReference(ReferencePoint{0.1, 0, 1e6});
    view.showWorkload(b, {});
    view.addSamples(b.id, three);
    view.addReference(ReferencePoint{0.2, 0, 1.2e6});
    view.showWorkload(a, {});
    QCOMPARE(view.latencyChart()->bufferedPoints(), qsizetype(3));
    view.addSamples(a.id, three);
    view.addSamples(b.id, three); // another workload's batch: kept, not drawn
    QCOMPARE(view.latencyChart()->bufferedPoints(), qsizetype(6));
    QCOMPARE(view.machineSpeedChart()->bufferedPoints(), qsizetype(2));
    view.startRun();
    QCOMPARE(view.machineSpeedChart()->bufferedPoints(), qsizetype(0));
}

// Both sides of an interleaved pair are measured in one slot: drawn as two lines of one chart,
// each going on where it stopped when the pair comes back in the next round.
void TestMainWindow::liveViewDrawsBothSidesOfAPair()
{
    LiveView view;
    view.startRun();
    WorkloadInfo oldWay{QStringLiteral("architecture.events.string_keyed"), Category::Architecture};
    WorkloadInfo newWay{QStringLiteral("architecture.events.typed"), Category::Architecture};
    oldWay.pairedWith = newWay.id;
    newWay.pairedWith = oldWay.id;
    const WorkloadInfo other{QStringLiteral("system.hash"), Category::System};
    const Samples three{Sample{1, 100, 0, 0}, Sample{1, 110, 0, 0}, Sample{1, 120, 0, 0}};
    view.showWorkload(oldWay, {});
    view.showWorkload(newWay, {});
    QCOMPARE(view.shownIds(), (QStringList{oldWay.id, newWay.id}));
    QCOMPARE(view.currentId(), oldWay.id); // its history is the one behind the lines
    QCOMPARE(view.latencyChart()->currentLineCount(), std::size_t(2));
    QCOMPARE(view.latencyChart()->chart()->title(),
             QStringLiteral("Latency: architecture.events: string_keyed and typed"));
    view.addSamples(oldWay.id, three);
    view.addSamples(newWay.id, three);
    QCOMPARE(view.latencyChart()->bufferedPoints(), qsizetype(6));
    QCOMPARE(view.memoryChart()->bufferedPoints(), qsizetype(6));
    // Another slot: one line again; back to the pair: both lines redrawn from this run's samples.
    view.showWorkload(other, {});
    QCOMPARE(view.latencyChart()->currentLineCount(), std::size_t(1));
    QCOMPARE(view.latencyChart()->bufferedPoints(), qsizetype(0));
    view.showWorkload(oldWay, {});
    view.showWorkload(newWay, {});
    QCOMPARE(view.latencyChart()->bufferedPoints(), qsizetype(6));
    view.refresh();
    QCOMPARE(view.latencyChart()->shownPoints(), qsizetype(6));
}

void TestMainWindow::treeMarksWhatTheChartsDraw()
{
    QStringList markedAtStart;
    QStringList drawnAtStart;
    // Connected after the window's own handler: sees what it did with each start. The context
    // object ends the connection with this test.
    QObject context;
    connect(m_window->controller(), &RunController::workloadStarted, &context, [&](int, int, const WorkloadInfo&) {
        markedAtStart = m_window->workloadTree()->runningIds();
        drawnAtStart = m_window->liveView()->shownIds();
    });
    QVERIFY(
        runToEnd({QStringLiteral("architecture.events.string_keyed"), QStringLiteral("architecture.events.typed")}));
    QCOMPARE(
        drawnAtStart,
        (QStringList{QStringLiteral("architecture.events.string_keyed"), QStringLiteral("architecture.events.typed")}));
    QCOMPARE(markedAtStart, drawnAtStart);
    QVERIFY(m_window->workloadTree()->runningIds().isEmpty()); // the run is over
}

// The menu of this window's runs says so, says when it has none, and leads to the store's runs.
void TestMainWindow::windowRunsMenuSaysWhatItHolds()
{
    QMenu* menu = nullptr;
    for (QMenu* m : m_window->menuBar()->findChildren<QMenu*>())
        if (m->title() == QStringLiteral("&Window runs"))
            menu = m;
    QVERIFY(menu);
    QVERIFY(menu->isEnabled());
    QList<QAction*> actions = menu->actions();
    QCOMPARE(actions.front()->text(), QStringLiteral("No run in this window yet"));
    QVERIFY(!actions.front()->isEnabled());
    actions.back()->trigger();
    QCOMPARE(m_window->findChild<QTabWidget*>()->currentWidget(), static_cast<QWidget*>(m_window->historyView()));

    QVERIFY(runToEnd({QStringLiteral("architecture.errors.values")}));
    actions = menu->actions();
    QVERIFY(actions.front()->text().startsWith(QStringLiteral("Run 1")));
    QVERIFY(actions.front()->isEnabled());
}

#include "tst_mainwindow.moc"
