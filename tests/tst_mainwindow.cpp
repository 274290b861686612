// The dashboard driven as a user would, on the offscreen platform: filter, choose, run, stop,
// see charts and table update, export.
#include "BuiltInWorkloads.h"
#include "LiveChart.h"
#include "LiveView.h"
#include "MainWindow.h"
#include "ResultsTableModel.h"
#include "ResultsView.h"
#include "RunController.h"
#include "WorkloadTree.h"

#include "ChartHost.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QLineEdit>
#include <QSpinBox>
#include <QComboBox>
#include <QSortFilterProxyModel>
#include <QTableView>
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
    void choosingARowShowsItsCharts();
    void exportWritesFiles();
    void liveChartDecimates();

private:
    bool runToEnd(const QStringList& ids);

    WorkloadRegistry m_registry;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
    workloads::registerBuiltInWorkloads(m_registry);
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>(m_registry, ExternalReports{});
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    new QAbstractItemModelTester(m_window->resultsView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_window.get());
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

bool TestMainWindow::runToEnd(const QStringList& ids)
{
    m_window->workloadTree()->setCheckedIds(ids);
    QSignalSpy finished(m_window->controller(), &RunController::runFinished);
    if (!m_window->startRun(true))
        return false;
    return finished.wait(60'000);
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
    // The live charts hold the last workload's samples, redrawn (not appended point by point).
    LiveView* live = m_window->liveView();
    QCOMPARE(live->latencyChart()->bufferedPoints(), 10);
    QCOMPARE(live->latencyChart()->shownPoints(), 10);
    QCOMPARE(live->memoryChart()->shownPoints(), 10);
    QVERIFY(m_window->shownRun().has_value());
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
    QElapsedTimer timer;
    timer.start();
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QVERIFY(finished.wait(5'000));
    QVERIFY2(timer.elapsed() < 200, qPrintable(QStringLiteral("stop took %1 ms").arg(timer.elapsed())));
    QVERIFY(finished.first().first().value<RunResult>().cancelled);
    QVERIFY(!m_window->controller()->isRunning());
}

void TestMainWindow::secondRunOverlaysAndComparesWithTheFirst()
{
    const QStringList ids{QStringLiteral("architecture.plugins.static")};
    QVERIFY(runToEnd(ids));
    QCOMPARE(m_window->baselinePicker()->count(), 2); // "none" and run 1, which is chosen
    QCOMPARE(m_window->baselinePicker()->currentData().toInt(), 0);
    QVERIFY(runToEnd(ids));
    // Run 1 is both the baseline and a recent run: overlaid once.
    QCOMPARE(m_window->liveView()->latencyChart()->chart()->series().size(), 2);
    const QString verdict =
        m_window->resultsView()->model()->index(0, ResultsTableModel::Verdict).data().toString();
    QVERIFY2(QStringList({"regressed", "improved", "unchanged", "inconclusive"}).contains(verdict), qPrintable(verdict));
}

void TestMainWindow::choosingARowShowsItsCharts()
{
    QVERIFY(runToEnd({QStringLiteral("architecture.events.typed"), QStringLiteral("architecture.events.string_keyed")}));
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
    QString error;
    QVERIFY(!m_window->exportShownRun(dir.path(), {QStringLiteral("json")}, &error)); // nothing to export yet
    QVERIFY(!error.isEmpty());
    QVERIFY(runToEnd({QStringLiteral("architecture.errors.values")}));
    QVERIFY(m_window->exportShownRun(dir.path(), {QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("md")}, &error));
    for (const char* name : {"results.json", "summary.csv", "samples.csv", "summary.md"})
        QVERIFY2(QFile::exists(dir.filePath(QLatin1String(name))), name);
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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
