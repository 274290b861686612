// Timing figures of the engine itself, run by hand (not a test): how accurately the loop
// measures a known cost, what its own overhead is, how long statistics take, how fast Stop is.
//   build/benchmarks/bench_engine
#include "DoNotOptimize.h"
#include "Measurer.h"
#include "ProcessMemory.h"
#include "Session.h"
#include "SpinWorkload.h" // the known-cost busy-wait the tests use
#include "Statistics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <random>

using namespace crucible;

namespace {

using Clock = std::chrono::steady_clock;

class Empty : public BasicWorkload {
public:
    Empty() : BasicWorkload({QStringLiteral("bench.empty"), Category::System, QStringLiteral("nothing")}) { }
    void run(std::uint64_t iterations, std::stop_token) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i)
            clobberMemory();
    }
};

double medianOfSamples(Workload& w, MeasurementSettings s)
{
    Measurer m(w, s, {});
    m.warmUp();
    m.calibrate();
    std::vector<double> v;
    for (int i = 0; i < s.sampleCount; ++i)
        v.push_back(m.takeSample()->perIterationNs());
    return stats::median(v);
}

template <typename F>
double nsPerCall(F&& f, int calls)
{
    const auto t0 = Clock::now();
    for (int i = 0; i < calls; ++i)
        f();
    return std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / calls;
}

void calibrationAccuracy()
{
    std::printf("Calibration accuracy (busy-wait of a known cost, 30 samples of 20 ms):\n");
    for (double cost : {100.0, 1'000.0, 10'000.0, 100'000.0}) {
        SpinWorkload spin(cost);
        const double median = medianOfSamples(spin, {0.1, 0.6, 30, 0});
        std::printf("  cost %9.0f ns  measured median %11.1f ns  error %+.2f%%\n", cost, median,
                    (median / cost - 1) * 100);
    }
    Empty empty;
    std::printf("  loop overhead (empty body): %.3f ns per iteration\n", medianOfSamples(empty, {0.1, 0.6, 30, 0}));
    std::printf("  steady_clock resolution: %.1f ns, minimum sample %.1f µs\n", Measurer::clockResolutionNs(),
                Measurer::minimumSampleNs() / 1e3);
}

void statisticsCost()
{
    std::printf("Statistics cost:\n");
    std::mt19937_64 rng(42);
    std::lognormal_distribution<double> dist(7.0, 0.1);
    for (int n : {50, 100, 1000}) {
        std::vector<double> a(n), b(n);
        for (int i = 0; i < n; ++i) {
            a[i] = dist(rng);
            b[i] = dist(rng) * 1.02;
        }
        const double summarize = nsPerCall([&] { doNotOptimize(stats::summarize(a)); }, 5);
        const double ratio = nsPerCall([&] { doNotOptimize(stats::bootstrapMedianRatioCI(a, b)); }, 5);
        const double mw = nsPerCall([&] { doNotOptimize(stats::mannWhitneyU(a, b)); }, 50);
        std::printf(
            "  n=%5d  summarize (incl. 10k-resample bootstrap) %7.2f ms  ratio CI %7.2f ms  Mann-Whitney %7.1f µs\n", n,
            summarize / 1e6, ratio / 1e6, mw / 1e3);
    }
    std::printf("  RSS read (pread /proc/self/statm): %.0f ns\n",
                nsPerCall([] { doNotOptimize(currentRssBytes()); }, 100'000));
}

void stopLatency(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::vector<double> latencies;
    for (int trial = 0; trial < 20; ++trial) {
        SessionPlan plan;
        plan.settings = {0.0, 30.0, 10, 0};
        plan.workloads.push_back(std::make_unique<SpinWorkload>(5'000));
        Session session(std::move(plan));
        session.start();
        QThread::msleep(50 + 7 * trial);
        QElapsedTimer t;
        t.start();
        session.stop();
        session.wait();
        latencies.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(latencies.begin(), latencies.end());
    std::printf("Stop latency over 20 runs (stop() to worker finished): median %.2f ms, max %.2f ms\n",
                stats::median(latencies), latencies.back());
}

} // namespace

int main(int argc, char** argv)
{
    calibrationAccuracy();
    statisticsCost();
    stopLatency(argc, argv);
    return 0;
}
