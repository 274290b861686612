// The in-process measurement loop: calibration, sample count, fixed iterations, stop.
#include "DoNotOptimize.h"
#include "Measurer.h"
#include "ProcessMemory.h"
#include "SpinWorkload.h"

#include <QtTest>

#include <thread>

using namespace crucible;

class TestMeasurement : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void clockResolutionIsFine();
    void knownCostIsMeasured_data();
    void knownCostIsMeasured();
    void calibrationHitsTargetSampleLength();
    void fixedIterationsSkipCalibration();
    void stopInterruptsASample();
    void rssIsReadFromProc();
    void doNotOptimizeKeepsTheWork();
};

void TestMeasurement::clockResolutionIsFine()
{
    // steady_clock on Linux is CLOCK_MONOTONIC with ns resolution; a tick of a microsecond or
    // more would make short samples meaningless.
    QVERIFY(Measurer::clockResolutionNs() > 0);
    QVERIFY2(Measurer::clockResolutionNs() < 1000, qPrintable(QString::number(Measurer::clockResolutionNs())));
    QVERIFY(Measurer::minimumSampleNs() >= 1000 * Measurer::clockResolutionNs());
}

void TestMeasurement::knownCostIsMeasured_data()
{
    QTest::addColumn<double>("costNs");
    QTest::newRow("20 µs") << 20'000.0;
    QTest::newRow("50 µs") << 50'000.0;
    QTest::newRow("1 ms") << 1'000'000.0;
}

void TestMeasurement::knownCostIsMeasured()
{
    QFETCH(double, costNs);
    // The cost is CPU time: the loop's batching, chunking, summing and division must give it
    // back within a few percent whatever else the machine runs (ctest runs tests in parallel).
    CpuSpinWorkload spin(costNs);
    MeasurementSettings settings{0.02, 0.2, 10, 0};
    Measurer m(spin, settings, {});
    m.warmUp();
    m.calibrate();
    std::vector<double> cpuPerIteration;
    for (int i = 0; i < settings.sampleCount; ++i) {
        const Sample s = *m.takeSample();
        cpuPerIteration.push_back(s.cpuNs / double(s.iterations));
        // Wall time can only be longer than CPU time on one thread: never reported early.
        QVERIFY2(s.perIterationNs() >= costNs * 0.99, qPrintable(QString::number(s.perIterationNs())));
    }
    std::sort(cpuPerIteration.begin(), cpuPerIteration.end());
    const double median = cpuPerIteration[cpuPerIteration.size() / 2];
    QVERIFY2(median >= costNs * 0.99 && median <= costNs * 1.03,
             qPrintable(QStringLiteral("median CPU time %1 ns for a cost of %2 ns").arg(median).arg(costNs)));
}

void TestMeasurement::calibrationHitsTargetSampleLength()
{
    SpinWorkload spin(1'000);
    MeasurementSettings settings{0.02, 0.5, 25, 0}; // 20 ms per sample
    Measurer m(spin, settings, {});
    m.warmUp();
    m.calibrate();
    // A busy-wait is never faster than its cost; on a loaded machine the estimate is higher.
    QVERIFY(m.estimatedIterationNs() >= 990);
    // Iterations per sample fill the 20 ms target at the estimated cost.
    const double planned = double(m.iterationsPerSample()) * m.estimatedIterationNs();
    QVERIFY2(std::abs(planned - 20e6) <= m.estimatedIterationNs(), qPrintable(QString::number(planned)));
    const std::optional<Sample> s = m.takeSample();
    QVERIFY(s);
    QCOMPARE(s->iterations, m.iterationsPerSample());
    QVERIFY(s->elapsedNs >= double(s->iterations) * 1'000 * 0.99);
}

void TestMeasurement::fixedIterationsSkipCalibration()
{
    SpinWorkload spin(1'000);
    MeasurementSettings settings{0.0, 1.0, 5, 7};
    Measurer m(spin, settings, {});
    m.warmUp();
    m.calibrate();
    QCOMPARE(m.iterationsPerSample(), std::uint64_t(7));
    QCOMPARE(m.takeSample()->iterations, std::uint64_t(7));
}

void TestMeasurement::stopInterruptsASample()
{
    // One sample of 2 s; a stop after 50 ms must end it within a chunk (~20 ms).
    SpinWorkload spin(10'000);
    MeasurementSettings settings{0.0, 2.0, 1, 0};
    std::stop_source source;
    Measurer m(spin, settings, source.get_token());
    m.warmUp();
    m.calibrate();
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        source.request_stop();
    });
    QElapsedTimer timer;
    timer.start();
    const std::optional<Sample> s = m.takeSample();
    stopper.join();
    QVERIFY(!s);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
}

void TestMeasurement::rssIsReadFromProc()
{
    const std::int64_t before = currentRssBytes();
    QVERIFY(before > 0);
    // Touching 64 MiB must show in the resident set.
    std::vector<char> block(64 << 20);
    for (std::size_t i = 0; i < block.size(); i += 4096)
        block[i] = char(i);
    doNotOptimize(block.data());
    const std::int64_t after = currentRssBytes();
    QVERIFY2(after - before >= (60 << 20), qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    QVERIFY(peakRssBytes() >= after);
}

void TestMeasurement::doNotOptimizeKeepsTheWork()
{
    // A loop whose result is only passed to doNotOptimize must still run: time it against a
    // loop 10x longer; with the work deleted both would take ~0.
    auto work = [](int n) {
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < n; ++i) {
            int x = i * 3;
            doNotOptimize(x);
        }
        return t.nsecsElapsed();
    };
    qint64 small = std::numeric_limits<qint64>::max();
    qint64 large = small;
    // Best of five, the two interleaved: preemption and slow phases of the machine only add
    // time, and hit both alike. The margin (10x work against 3x) is wide for the same reason.
    for (int repeat = 0; repeat < 5; ++repeat) {
        small = std::min(small, work(2'000'000));
        large = std::min(large, work(20'000'000));
    }
    QVERIFY2(large > small * 3, qPrintable(QStringLiteral("%1 vs %2").arg(small).arg(large)));
}

QTEST_GUILESS_MAIN(TestMeasurement)
#include "tst_measurement.moc"
