// Timing figures of the dashboard, run by hand (not a test) under xvfb-run (or with
// QT_QPA_PLATFORM=offscreen):
//   bench_gui [frames] [median] [export] [--rounds N (20)] [--workload ID]...   (no section: all)
//   frames  a 1,000,000-point live series: decimate + replace + paint, per frame (wall time,
//           and the GUI thread's CPU time, which the machine's other load does not inflate);
//   median  a workload measured with the window open against headless, in alternating rounds
//           (this machine's run-to-run noise is larger than the effect looked for, so one pair
//           of runs says nothing): the median over rounds of each side's median, of wall time
//           and of the measuring thread's CPU time per iteration; and the GUI thread's longest
//           stall while samples stream, with how much of it the GUI thread itself was busy;
//   export  the PDF report of 49 workloads written as the window writes it (ExportJob: off the
//           GUI thread, charts handed to it one at a time): the GUI thread's longest stall,
//           against writing the same report on the GUI thread.
#include "BuiltInWorkloads.h"
#include "ExportJob.h"
#include "LiveChart.h"
#include "MainWindow.h"
#include "PdfReport.h"
#include "RunController.h"
#include "Session.h"
#include "Statistics.h"
#include "SyntheticRun.h"
#include "export/ReportFiles.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <ctime>

using namespace crucible;

namespace {

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double medianOf(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return stats::median(v);
}

// Watches the GUI thread with a 5 ms timer: the longest gap between two ticks is the longest
// stall; the GUI thread's CPU time within that gap says how much of it was its own work (the
// rest: waiting for a core that other processes held).
class StallWatch {
public:
    StallWatch()
    {
        m_tick.setInterval(5);
        QObject::connect(&m_tick, &QTimer::timeout, [this] { tick(); });
    }
    void start()
    {
        if (m_tick.isActive())
            return;
        m_since.start();
        m_cpuAtTick = threadCpuMs();
        m_cpuAtStart = m_cpuAtTick;
        m_wall.start();
        m_tick.start();
    }
    void stop()
    {
        if (!m_tick.isActive())
            return;
        m_tick.stop();
        m_busyMs += threadCpuMs() - m_cpuAtStart;
        m_watchedMs += double(m_wall.nsecsElapsed()) / 1e6;
    }
    // The share of the watched time that the GUI thread ran.
    double busyShare() const { return m_watchedMs > 0 ? m_busyMs / m_watchedMs : 0; }
    double longestMs() const { return m_longest; }
    double busyInLongestMs() const { return m_busyInLongest; }
    double longestBusyMs() const { return m_longestBusy; }

private:
    void tick()
    {
        const double gap = double(m_since.nsecsElapsed()) / 1e6;
        const double cpu = threadCpuMs();
        const double busy = cpu - m_cpuAtTick;
        if (gap > m_longest) {
            m_longest = gap;
            m_busyInLongest = busy;
        }
        m_longestBusy = std::max(m_longestBusy, busy);
        m_since.restart();
        m_cpuAtTick = cpu;
    }

    QTimer m_tick;
    QElapsedTimer m_since;
    QElapsedTimer m_wall;
    double m_cpuAtTick = 0;
    double m_cpuAtStart = 0;
    double m_busyMs = 0;
    double m_watchedMs = 0;
    double m_longest = 0;
    double m_busyInLongest = 0;
    double m_longestBusy = 0;
};

void millionPointFrames()
{
    charts::LiveChart chart(QStringLiteral("1M points"), QStringLiteral("sample"),
                            charts::LiveChart::ValueKind::TimeNs);
    chart.resize(1600, 500);
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart)) // laid out at its real width: decimation follows it
        std::printf("warning: the chart window was not exposed\n");
    QList<QPointF> points;
    points.reserve(1'000'000);
    for (int i = 0; i < 1'000'000; ++i)
        points.append(QPointF(i, 1000 + 200 * std::sin(i / 5000.0) + (i % 89)));
    chart.append(points);
    std::vector<double> frames, refreshes, cpu;
    for (int frame = 0; frame < 30; ++frame) {
        const QPointF next(1'000'000 + frame, 1000); // one new sample: a full redraw is due
        chart.append(std::span<const QPointF>(&next, 1));
        QElapsedTimer t;
        const double cpu0 = threadCpuMs();
        t.start();
        chart.refresh();
        refreshes.push_back(double(t.nsecsElapsed()) / 1e6);
        chart.repaint(); // paint now, synchronously, as the next frame would
        QCoreApplication::processEvents();
        frames.push_back(double(t.nsecsElapsed()) / 1e6);
        cpu.push_back(threadCpuMs() - cpu0);
    }
    std::sort(frames.begin(), frames.end());
    std::printf("frames: 1,000,000-point series decimated to %lld points; per frame (decimate + replace + paint):\n"
                "  wall median %.2f ms, max %.2f ms; GUI-thread CPU median %.2f ms; decimate + replace alone: wall "
                "median %.2f ms\n",
                static_cast<long long>(chart.shownPoints()), stats::median(frames), frames.back(), medianOf(cpu),
                medianOf(refreshes));
}

// Per-iteration medians of one run of one workload: wall time (the reported median) and the
// measuring thread's CPU time.
struct Medians {
    double wallNs = 0;
    double cpuNs = 0;
};

Medians mediansOf(const RunResult& run)
{
    const Result& r = run.results.at(0);
    std::vector<double> cpu;
    for (const Sample& s : r.samples)
        cpu.push_back(s.iterations ? s.cpuNs / double(s.iterations) : 0);
    return {r.summary.median, medianOf(cpu)};
}

const MeasurementSettings kRoundSettings{0.3, 1.5, 100, 0};

Medians runHeadless(const WorkloadRegistry& registry, const QString& id)
{
    SessionPlan plan;
    plan.settings = kRoundSettings;
    plan.workloads.push_back(registry.find(id)->create({}));
    Session session(std::move(plan));
    QSignalSpy finished(&session, &Session::finished);
    session.start();
    finished.wait(120'000);
    return mediansOf(finished.first().first().value<RunResult>());
}

// `streaming` watches from the first batch of samples to the end of the workload, `whole`
// from the start of the run to its end (with the window's set-up and its showing the results).
Medians runWithWindow(gui::MainWindow& window, const QString& id, StallWatch& streaming, StallWatch& whole)
{
    QSignalSpy finished(window.controller(), &gui::RunController::runFinished);
    const QMetaObject::Connection first =
        QObject::connect(window.controller(), &gui::RunController::samplesAvailable, [&] { streaming.start(); });
    const QMetaObject::Connection last =
        QObject::connect(window.controller(), &gui::RunController::workloadFinished, [&] { streaming.stop(); });
    whole.start();
    window.controller()->start({id}, kRoundSettings, false);
    finished.wait(120'000);
    whole.stop();
    QObject::disconnect(first);
    QObject::disconnect(last);
    return mediansOf(finished.first().first().value<RunResult>());
}

void windowAgainstHeadless(const QStringList& ids, int rounds)
{
    WorkloadRegistry registry;
    workloads::registerBuiltInWorkloads(registry);
    gui::MainWindow window(registry, {});
    window.resize(1400, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        std::printf("warning: the window was not exposed\n");
    std::printf("median: %d alternating rounds per workload, each %.1f s warm-up + %.1f s, %d samples\n", rounds,
                kRoundSettings.warmUpSeconds, kRoundSettings.measurementSeconds, kRoundSettings.sampleCount);
    for (const QString& id : ids) {
        StallWatch streaming;
        StallWatch whole;
        std::vector<double> headlessWall, windowWall, headlessCpu, windowCpu, pairedWall, pairedCpu;
        for (int round = 0; round < rounds; ++round) {
            // Alternate which side goes first, so that a drift of the machine hits both alike.
            Medians h, w;
            if (round % 2 == 0) {
                h = runHeadless(registry, id);
                w = runWithWindow(window, id, streaming, whole);
            } else {
                w = runWithWindow(window, id, streaming, whole);
                h = runHeadless(registry, id);
            }
            headlessWall.push_back(h.wallNs);
            windowWall.push_back(w.wallNs);
            headlessCpu.push_back(h.cpuNs);
            windowCpu.push_back(w.cpuNs);
            pairedWall.push_back(w.wallNs / h.wallNs);
            pairedCpu.push_back(w.cpuNs / h.cpuNs);
        }
        auto range = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return QStringLiteral("%1…%2").arg(v.front(), 0, 'f', 1).arg(v.back(), 0, 'f', 1);
        };
        // The claim is about the paired ratio, so it gets a confidence interval: one round can
        // land on a slow stretch of the machine (a 2x round is not rare on this VM).
        auto pairedCi = [](const std::vector<double>& ratios) {
            const stats::Interval ci = stats::bootstrapMedianCI(ratios);
            return QStringLiteral("95% CI %1%…%2%")
                .arg((ci.low - 1) * 100, 0, 'f', 2)
                .arg((ci.high - 1) * 100, 0, 'f', 2);
        };
        const double hw = medianOf(headlessWall), ww = medianOf(windowWall);
        const double hc = medianOf(headlessCpu), wc = medianOf(windowCpu);
        std::printf("  %s\n"
                    "    wall/iter: headless %.1f ns (rounds %s), window %.1f ns (rounds %s): %+.2f%%; median of "
                    "paired ratios %+.2f%% (%s)\n"
                    "    CPU/iter:  headless %.1f ns (rounds %s), window %.1f ns (rounds %s): %+.2f%%; median of "
                    "paired ratios %+.2f%% (%s)\n"
                    "    GUI thread while samples stream: longest stall %.1f ms (of it busy %.1f ms), longest busy "
                    "stretch %.1f ms, busy %.1f%% of the time\n"
                    "    GUI thread over the whole run (set-up and results included): longest stall %.1f ms (of it "
                    "busy %.1f ms), longest busy stretch %.1f ms\n",
                    qPrintable(id), hw, qPrintable(range(headlessWall)), ww, qPrintable(range(windowWall)),
                    (ww / hw - 1) * 100, (medianOf(pairedWall) - 1) * 100, qPrintable(pairedCi(pairedWall)), hc,
                    qPrintable(range(headlessCpu)), wc, qPrintable(range(windowCpu)), (wc / hc - 1) * 100,
                    (medianOf(pairedCpu) - 1) * 100, qPrintable(pairedCi(pairedCpu)), streaming.longestMs(),
                    streaming.busyInLongestMs(), streaming.longestBusyMs(), streaming.busyShare() * 100,
                    whole.longestMs(), whole.busyInLongestMs(), whole.longestBusyMs());
        std::fflush(stdout);
    }
}

void exportStalls()
{
    const RunResult run = syntheticRun(49, 50);
    const QStringList formats{QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("md"),
                              QStringLiteral("pdf")};
    const ExternalReports reports{report::pdfReportFormat()};
    QTemporaryDir dir;

    StallWatch onGui;
    onGui.start();
    QElapsedTimer t;
    t.start();
    QString error;
    if (const Expected<void> prepared = prepareOutputDirectory(dir.filePath(QStringLiteral("here"))); !prepared)
        error = prepared.error().message;
    else if (const Expected<QStringList> written =
                 writeReportFiles(run, dir.filePath(QStringLiteral("here")), formats, reports);
             !written)
        error = written.error().message;
    const double hereMs = double(t.nsecsElapsed()) / 1e6;
    QCoreApplication::processEvents(); // the first tick after: the whole write was one stall
    onGui.stop();

    gui::ExportJob job;
    QSignalSpy finished(&job, &gui::ExportJob::finished);
    StallWatch offGui;
    offGui.start();
    t.restart();
    job.start(run, dir.filePath(QStringLiteral("job")), formats, reports, {});
    finished.wait(300'000);
    const double jobMs = double(t.nsecsElapsed()) / 1e6;
    offGui.stop();
    const QString jobError = finished.isEmpty() ? QStringLiteral("did not finish") : finished.first().at(2).toString();
    std::printf("export: 49 workloads, json+csv+md+pdf%s%s\n"
                "  on the GUI thread: %.0f ms, GUI thread stalled %.0f ms\n"
                "  ExportJob (worker + charts handed to the GUI thread): %.0f ms, longest GUI stall %.1f ms (of it "
                "busy %.1f ms), longest busy stretch %.1f ms\n",
                error.isEmpty() ? "" : " — error: ",
                qPrintable(error + (jobError.isEmpty() ? QString() : QStringLiteral(" / ") + jobError)), hereMs,
                onGui.longestMs(), jobMs, offGui.longestMs(), offGui.busyInLongestMs(), offGui.longestBusyMs());
}

} // namespace

int main(int argc, char** argv)
{
    // The window records its runs and keeps its settings: into a throwaway history and
    // settings, not the user's. Its rounds overlay and compare with each other, as a user's
    // runs would.
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
    QApplication app(argc, argv);
    QStringList parts;
    QStringList ids;
    int rounds = 20;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--rounds") && i + 1 < args.size())
            rounds = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--workload") && i + 1 < args.size())
            ids << args[++i];
        else
            parts << args[i];
    }
    if (parts.isEmpty())
        parts = {QStringLiteral("frames"), QStringLiteral("median"), QStringLiteral("export")};
    if (ids.isEmpty())
        ids = {QStringLiteral("architecture.tool_exec.direct"), QStringLiteral("architecture.alloc.arena")};
    if (parts.contains(QStringLiteral("frames")))
        millionPointFrames();
    if (parts.contains(QStringLiteral("median")))
        windowAgainstHeadless(ids, rounds);
    if (parts.contains(QStringLiteral("export")))
        exportStalls();
    return 0;
}
