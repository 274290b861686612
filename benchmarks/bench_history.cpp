// The history store at scale: fills a store with RUNS runs of WORKLOADS workloads (50 samples
// each, as a default run records) and reports how long recording one run takes as the store
// grows, how long one workload's trend over every run takes (query, and change points on top),
// how long the overlays' query and reopening a run take, and the store's size per run.
//
//   bench_history [--runs N] [--workloads N] [--db PATH_OR_URL] [--queries-only 1]
//
// --queries-only 1 skips the filling and measures the queries on a store an earlier
// `bench_history --db PATH` filled (so they can be timed again on a quiet machine).
// Default 10,000 runs × 50 workloads into a new SQLite file in a temporary directory (about
// 1 GB of disk). Numbers go into notes; nothing here is a pass/fail test.
#include "ChangePoints.h"
#include "SyntheticRun.h"
#include "history/HistoryStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace crucible;

namespace {

struct Timings {
    std::vector<double> ms;
    void add(double v) { ms.push_back(v); }
    double at(double q)
    {
        std::sort(ms.begin(), ms.end());
        return ms.empty() ? 0 : ms[std::min(ms.size() - 1, std::size_t(q * double(ms.size())))];
    }
};

double msSince(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int runs = 10'000;
    int workloads = 50;
    QString location;
    bool fill = true;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--workloads"))
            workloads = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--db"))
            location = args[i + 1];
        else if (args[i] == QLatin1String("--queries-only"))
            fill = args[i + 1] == QLatin1String("0");
    }
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("BENCH_KEEP"));
    if (location.isEmpty())
        location = dir.filePath(QStringLiteral("bench-history.sqlite"));

    Expected<std::unique_ptr<HistoryStore>> opened = HistoryStore::open(location);
    if (!opened) {
        std::fprintf(stderr, "bench_history: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    std::unique_ptr<HistoryStore> store = std::move(*opened);
    // One realistic run (statistics computed once: the bootstrap is not what is measured here),
    // recorded again and again with new times; the first workload steps up 10% halfway, so the
    // trend has a change to find.
    RunResult run = syntheticRun(workloads, 50, false);
    const QString traced = run.results.front().info.id;
    const Samples tracedSamples = run.results.front().samples;
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-qint64(runs) * 3600);

    Timings record;
    Timings lastThousand;
    QElapsedTimer total;
    total.start();
    for (int i = 0; fill && i < runs; ++i) {
        run.info.started = start.addSecs(qint64(i) * 3600);
        run.info.finished = run.info.started.addSecs(180);
        Result& first = run.results.front();
        const double step = i >= runs / 2 ? 1.10 : 1.0;
        const double wobble = 1.0 + 0.002 * double((i * 7919) % 11 - 5); // ±1%, deterministic
        first.samples = tracedSamples;
        for (Sample& s : first.samples)
            s.elapsedNs = std::round(s.elapsedNs * step * wobble);
        first.summary.median = stats::median(perIterationTimes(first.samples));
        QElapsedTimer t;
        t.start();
        if (const Expected<qint64> recorded = store->recordRun(run); !recorded) {
            std::fprintf(stderr, "bench_history: run %d: %s\n", i, qPrintable(recorded.error().message));
            return 1;
        }
        const double ms = msSince(t);
        record.add(ms);
        if (i >= runs - 1000)
            lastThousand.add(ms);
        if ((i + 1) % 1000 == 0)
            std::fprintf(stderr, "  %d runs recorded (%.0f s)\n", i + 1, double(total.elapsed()) / 1000);
    }
    const double fillSeconds = double(total.elapsed()) / 1000;

    // Change points alone, on the trend's medians (the series the GUI and the report segment).
    Timings changePointsOnly;
    Timings trendQuery;
    Timings trendWithChanges;
    std::size_t points = 0;
    std::vector<std::size_t> changes;
    for (int rep = 0; rep < 20; ++rep) {
        QElapsedTimer t;
        t.start();
        const auto trend = store->trend(traced, {}).value_or({});
        trendQuery.add(msSince(t));
        std::vector<double> medians;
        medians.reserve(trend.size());
        for (const auto& p : trend)
            medians.push_back(p.median);
        QElapsedTimer c;
        c.start();
        changes = detectChangePoints(medians);
        changePointsOnly.add(msSince(c));
        trendWithChanges.add(msSince(t));
        points = trend.size();
    }
    Timings overlays;
    Timings reopen;
    for (int rep = 0; rep < 20; ++rep) {
        QElapsedTimer t;
        t.start();
        const auto recent = store->results(traced, {}, 5, true);
        overlays.add(msSince(t));
        t.restart();
        const auto loaded = store->loadRun(qint64(points / 2 + std::size_t(rep)));
        reopen.add(msSince(t));
        const Error* failed = !recent ? &recent.error() : !loaded ? &loaded.error() : nullptr;
        if (failed || recent->size() != 5) {
            std::fprintf(stderr, "bench_history: reading back failed: %s\n",
                         failed ? qPrintable(failed->message) : "fewer than 5 results");
            return 1;
        }
    }
    Timings listing;
    for (int rep = 0; rep < 5; ++rep) {
        QElapsedTimer t;
        t.start();
        (void)store->runs({}, 200);
        listing.add(msSince(t));
    }
    store.reset();

    qint64 bytes = 0;
    for (const char* suffix : {"", "-wal", "-shm"})
        bytes += QFileInfo(location + QLatin1String(suffix)).size();

    std::printf("store: %s\n", qPrintable(location));
    if (fill) {
        std::printf("filled %d runs x %d workloads x 50 samples in %.0f s\n", runs, workloads, fillSeconds);
        std::printf("record one run:   median %.2f ms, p99 %.2f ms, max %.2f ms; last 1000 runs median %.2f ms\n",
                    record.at(0.5), record.at(0.99), record.at(1.0), lastThousand.at(0.5));
    }
    std::printf(
        "trend of %s over %zu runs: query median %.2f ms (max %.2f); with change points median %.2f ms (max %.2f); "
        "change points alone %.2f ms; at %zu index(es), first %lld\n",
        qPrintable(traced), points, trendQuery.at(0.5), trendQuery.at(1.0), trendWithChanges.at(0.5),
        trendWithChanges.at(1.0), changePointsOnly.at(0.5), changes.size(),
        changes.empty() ? -1LL : (long long)changes.front());
    std::printf("last 5 results with samples (overlays): median %.2f ms; reopen one run: median %.2f ms; list 200 "
                "runs: median %.2f ms\n",
                overlays.at(0.5), reopen.at(0.5), listing.at(0.5));
    if (bytes > 0)
        std::printf("store size: %.1f MiB, %.1f KiB per run\n", double(bytes) / 1048576.0,
                    double(bytes) / 1024.0 / double(points));
    return 0;
}
