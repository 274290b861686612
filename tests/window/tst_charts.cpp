// The chart builders shared by the window and the PDF report, and the helpers under them:
// decimation, time units, text wrapping.
#include "Decimation.h"
#include "DistributionChart.h"
#include "MemoryChart.h"
#include "MinMaxPyramid.h"
#include "NiceScale.h"
#include "PairRatios.h"
#include "RatioChart.h"
#include "SamplesChart.h"
#include "SyntheticRun.h"
#include "TextWrap.h"
#include "TimeScale.h"

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QtTest>

#include <algorithm>
#include <random>

using namespace crucible;

namespace {
template <typename T>
QList<T*> seriesOf(const QChart& chart)
{
    QList<T*> found;
    for (QAbstractSeries* s : chart.series())
        if (auto* t = qobject_cast<T*>(s))
            found << t;
    return found;
}

std::vector<const Result*> pointers(const RunResult& run)
{
    std::vector<const Result*> out;
    for (const Result& r : run.results)
        out.push_back(&r);
    return out;
}
} // namespace

class TestCharts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decimationBoundsPointsAndKeepsExtremes();
    void decimationLeavesShortSeriesAlone();
    void pyramidDecimatesAsAFullScanDoes();
    void pyramidFindsExtremesOfAnyRange();
    void niceScaleRoundsOutward_data();
    void niceScaleRoundsOutward();
    void timeScalePicksReadableUnits_data();
    void timeScalePicksReadableUnits();
    void distributionHasOneBoxPerFinishedWorkload();
    void samplesChartIsDecimatedForLongRuns();
    void samplesChartTitleUsesTheAxisUnit();
    void memoryChartHasOneLinePerWorkload();
    void ratioChartShowsEveryPair();
    void wrapKeepsLinesWithinWidth();
};

void TestCharts::decimationBoundsPointsAndKeepsExtremes()
{
    std::vector<QPointF> points;
    for (int i = 0; i < 1'000'000; ++i)
        points.emplace_back(i, std::sin(i * 0.001) * 100);
    points[123'456].setY(5000);  // one slow sample
    points[654'321].setY(-5000); // and one impossibly fast
    const QList<QPointF> out = charts::decimateMinMax(points, 800);
    QVERIFY(out.size() <= 1600);
    QVERIFY(out.size() >= 800);
    QVERIFY(std::is_sorted(out.begin(), out.end(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); }));
    QVERIFY(out.contains(points[123'456]));
    QVERIFY(out.contains(points[654'321]));
    QCOMPARE(out.front(), points.front());
}

void TestCharts::decimationLeavesShortSeriesAlone()
{
    const std::vector<QPointF> points{{0, 1}, {1, 3}, {2, 2}};
    QCOMPARE(charts::decimateMinMax(points, 100), QList<QPointF>(points.begin(), points.end()));
}

void TestCharts::pyramidDecimatesAsAFullScanDoes()
{
    // Appended in uneven batches, as samples stream in, with repeated values (ties must pick
    // the same point as the scan does), uneven x steps and a spike.
    std::mt19937 random(7);
    std::vector<QPointF> points;
    double x = 0;
    for (int i = 0; i < 50'000; ++i) {
        x += 1 + int(random() % 3);
        points.emplace_back(x, double(random() % 50));
    }
    points[31'337].setY(1e6);
    charts::MinMaxPyramid pyramid;
    std::size_t at = 0;
    while (at < points.size()) {
        const std::size_t batch = std::min<std::size_t>(1 + random() % 700, points.size() - at);
        pyramid.append(std::span<const QPointF>(points.data() + at, batch));
        at += batch;
        if (at % 7 == 0) // now and then mid-stream, as a frame would
            QCOMPARE(pyramid.decimate(300), charts::decimateMinMax(std::span<const QPointF>(points.data(), at), 300));
    }
    QCOMPARE(pyramid.size(), qsizetype(points.size()));
    for (int columns : {1, 2, 7, 640, 1600, 24'999, 25'000})
        QCOMPARE(pyramid.decimate(columns), charts::decimateMinMax(points, columns));
    QCOMPARE(pyramid.maxY(), 1e6);
    QCOMPARE(pyramid.minY(), 0.0);
    QCOMPARE(pyramid.minX(), points.front().x());
    QCOMPARE(pyramid.maxX(), points.back().x());
}

void TestCharts::pyramidFindsExtremesOfAnyRange()
{
    std::mt19937 random(11);
    std::vector<QPointF> points;
    for (int i = 0; i < 5000; ++i)
        points.emplace_back(i, double(random() % 1000));
    charts::MinMaxPyramid pyramid;
    pyramid.append(points);
    for (int trial = 0; trial < 2000; ++trial) {
        const std::size_t a = random() % points.size();
        const std::size_t b = a + 1 + random() % (points.size() - a);
        const auto lowest = std::min_element(points.begin() + std::ptrdiff_t(a), points.begin() + std::ptrdiff_t(b),
                                             [](const QPointF& p, const QPointF& q) { return p.y() < q.y(); });
        const auto highest = std::max_element(points.begin() + std::ptrdiff_t(a), points.begin() + std::ptrdiff_t(b),
                                              [](const QPointF& p, const QPointF& q) { return p.y() < q.y(); });
        const charts::MinMaxPyramid::Extremes e = pyramid.extremes(a, b);
        QCOMPARE(e.low, std::size_t(lowest - points.begin())); // the first of equal lows
        // max_element returns the first of equal highs too
        QCOMPARE(e.high, std::size_t(highest - points.begin()));
    }
}

void TestCharts::niceScaleRoundsOutward_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("niceMin");
    QTest::addColumn<double>("niceMax");
    QTest::addColumn<int>("ticks");
    QTest::addColumn<QString>("labels"); // as many decimals as the step needs
    QTest::newRow("samples") << 0.0 << 1'000'029.0 << 0.0 << 1'200'000.0 << 7 << "%.0f";
    QTest::newRow("µs") << 0.0 << 1.3824 << 0.0 << 1.5 << 4 << "%.1f";
    QTest::newRow("offset") << 3.0 << 97.0 << 0.0 << 100.0 << 6 << "%.0f";
    QTest::newRow("small") << 0.0 << 9.0 << 0.0 << 10.0 << 6 << "%.0f";
    QTest::newRow("hundredths") << 0.0 << 0.09 << 0.0 << 0.1 << 6 << "%.2f";
}

void TestCharts::niceScaleRoundsOutward()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(double, niceMin);
    QFETCH(double, niceMax);
    QFETCH(int, ticks);
    QFETCH(QString, labels);
    const charts::NiceScale s = charts::niceScale(min, max);
    QCOMPARE(s.min, niceMin);
    QCOMPARE(s.max, niceMax);
    QCOMPARE(s.tickCount, ticks);
    QCOMPARE(charts::tickLabelFormat(s), labels);
}

void TestCharts::timeScalePicksReadableUnits_data()
{
    QTest::addColumn<double>("ns");
    QTest::addColumn<QString>("unit");
    QTest::newRow("ns") << 850.0 << QStringLiteral("ns");
    QTest::newRow("µs") << 12'000.0 << QStringLiteral("µs");
    QTest::newRow("ms") << 3.5e6 << QStringLiteral("ms");
    QTest::newRow("s") << 2e9 << QStringLiteral("s");
}

void TestCharts::timeScalePicksReadableUnits()
{
    QFETCH(double, ns);
    QFETCH(QString, unit);
    const charts::TimeScale s = charts::timeScaleFor(ns);
    QCOMPARE(s.unit, unit);
    QVERIFY(s.fromNs(ns) >= 1 && s.fromNs(ns) < 1000);
}

void TestCharts::distributionHasOneBoxPerFinishedWorkload()
{
    const RunResult run = syntheticRun(10, 20); // workload 3 failed
    const auto results = pointers(run);
    const auto chart = charts::distributionChart(results, {});
    const auto boxes = seriesOf<QBoxPlotSeries>(*chart);
    QCOMPARE(boxes.size(), 1);
    QCOMPARE(boxes.front()->count(), 9);
    // Times from tens of ns to ms need a log axis to show the fast ones at all.
    QVERIFY(!chart->axes(Qt::Vertical, boxes.front()).isEmpty());
    QVERIFY(qobject_cast<QLogValueAxis*>(chart->axes(Qt::Vertical).front()));
    auto* x = qobject_cast<QBarCategoryAxis*>(chart->axes(Qt::Horizontal).front());
    QVERIFY(x);
    QCOMPARE(x->count(), 9);
    QVERIFY(x->categories().contains(QStringLiteral("synthetic_000")));
}

void TestCharts::samplesChartIsDecimatedForLongRuns()
{
    // A long run, built by hand: the bootstrap in computeStatistics() would dominate the test.
    Result long_;
    long_.info.id = QStringLiteral("system.long");
    long_.info.category = Category::System;
    for (int i = 0; i < 200'000; ++i)
        long_.samples.push_back(Sample{10, 1000.0 + (i % 97) * 10, 0, 1 << 20});
    long_.summary.n = long_.samples.size();
    long_.summary.min = 100;
    long_.summary.max = 196;
    long_.summary.median = 148;
    charts::ChartOptions options;
    options.widthPx = 500;
    const auto chart = charts::samplesOverTimeChart(long_, options);
    const auto lines = seriesOf<QLineSeries>(*chart);
    QCOMPARE(lines.size(), 2); // the samples and the median
    QVERIFY(lines.front()->count() <= 1000);
    QVERIFY(lines.front()->count() > 100);
    QVERIFY(chart->title().contains(QStringLiteral("long")));

    RunResult small = syntheticRun(1, 40, false);
    const auto few = charts::samplesOverTimeChart(small.results.front(), options);
    QCOMPARE(seriesOf<QLineSeries>(*few).front()->count(), 40);
}

void TestCharts::samplesChartTitleUsesTheAxisUnit()
{
    // A median of 513 ns among samples up to 2.5 µs: the axis is in µs, so is the title's median.
    Result r;
    r.info.id = QStringLiteral("architecture.mixed");
    r.info.category = Category::Architecture;
    for (double ns : {400.0, 513.0, 2500.0})
        r.samples.push_back(Sample{1, ns, 0, 1 << 20});
    r.summary.n = r.samples.size();
    r.summary.min = 400;
    r.summary.max = 2500;
    r.summary.median = 513;
    const auto chart = charts::samplesOverTimeChart(r, {});
    const QList<QAbstractAxis*> y = chart->axes(Qt::Vertical);
    QCOMPARE(y.size(), 1);
    QVERIFY2(y.front()->titleText().endsWith(QStringLiteral("(µs)")), qPrintable(y.front()->titleText()));
    QVERIFY2(chart->title().endsWith(QStringLiteral("median 0.513 µs")), qPrintable(chart->title()));
}

void TestCharts::memoryChartHasOneLinePerWorkload()
{
    const RunResult run = syntheticRun(6, 20);
    const auto results = pointers(run);
    const auto chart = charts::memoryChart(results, {});
    QCOMPARE(seriesOf<QLineSeries>(*chart).size(), 5); // the failed one has no samples
}

void TestCharts::ratioChartShowsEveryPair()
{
    const RunResult run = syntheticRun(40, 20);
    const std::vector<PairRatio> pairs = pairRatios(run);
    QCOMPARE(int(pairs.size()), 4);
    for (const PairRatio& p : pairs) {
        QVERIFY(p.ci95.low <= p.ratio && p.ratio <= p.ci95.high);
        QVERIFY(p.oldId < p.newId);
    }
    const auto chart = charts::ratioChart(pairs, {});
    QCOMPARE(seriesOf<QBoxPlotSeries>(*chart).front()->count(), 4);
    // Each pair keeps its own category (a repeated label would drop its whisker).
    QCOMPARE(qobject_cast<QBarCategoryAxis*>(chart->axes(Qt::Horizontal).front())->count(), 4);
}

void TestCharts::wrapKeepsLinesWithinWidth()
{
    const QFontMetricsF m(QFont(QStringLiteral("DejaVu Sans"), 9));
    const double width = m.horizontalAdvance(QStringLiteral("architecture.tool_"));
    const QStringList lines =
        report::wrapText(QStringLiteral("system.file_write/size=1MiB and architecture.tool_exec.layered"), m, width);
    QVERIFY(lines.size() > 2);
    for (const QString& line : lines)
        QVERIFY2(m.horizontalAdvance(line) <= width, qPrintable(line));
    QCOMPARE(lines.join(QString()).remove(QLatin1Char(' ')),
             QStringLiteral("system.file_write/size=1MiBandarchitecture.tool_exec.layered"));
    // Long ids break after their separators, not in the middle of a word.
    QVERIFY2(lines.first().endsWith(QLatin1Char('.')) || lines.first().endsWith(QLatin1Char('_'))
                 || lines.first().endsWith(QLatin1Char('/')),
             qPrintable(lines.first()));
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
