// Timing figures of the dashboard, run by hand (not a test), on the platform you choose
// (QT_QPA_PLATFORM=offscreen or under xvfb-run):
//   1. a 1,000,000-point live series: decimate + replace + paint, per frame;
//   2. the longest stall of the GUI thread while a suite streams samples;
//   3. a workload's median with the window open against the same workload headless.
#include "BuiltInWorkloads.h"
#include "LiveChart.h"
#include "MainWindow.h"
#include "RunController.h"
#include "Session.h"
#include "Statistics.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
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

void millionPointFrames()
{
    charts::LiveChart chart(QStringLiteral("1M points"), QStringLiteral("sample"), charts::LiveChart::ValueKind::TimeNs);
    chart.resize(1600, 500);
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart)) // laid out at its real width: decimation follows it
        std::printf("warning: the chart window was not exposed\n");
    QList<QPointF> points;
    points.reserve(1'000'000);
    for (int i = 0; i < 1'000'000; ++i)
        points.append(QPointF(i, 1000 + 200 * std::sin(i / 5000.0) + (i % 89)));
    chart.append(points);
    std::vector<double> frames;
    std::vector<double> refreshes;
    std::vector<double> cpu;
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
    if (qEnvironmentVariableIsSet("TMPGRAB")) chart.grab().save(qEnvironmentVariable("TMPGRAB"));
    std::sort(cpu.begin(), cpu.end());
    std::printf("  frame CPU time of the GUI thread: median %.2f ms\n", stats::median(cpu));
    std::sort(refreshes.begin(), refreshes.end());
    std::printf("  of which decimate + replace: median %.2f ms\n", stats::median(refreshes));
    std::sort(frames.begin(), frames.end());
    std::printf("1,000,000-point series: decimated to %lld points; frame (decimate + replace + paint) median %.2f ms, max %.2f ms\n",
                static_cast<long long>(chart.shownPoints()), stats::median(frames), frames.back());
}

double runWithWindow(const WorkloadRegistry& registry, const QString& id, double* maxStallMs)
{
    gui::MainWindow window(registry, {});
    window.resize(1400, 900);
    window.show();
    QCoreApplication::processEvents();
    // A 5 ms timer on the GUI thread: the longest gap between its ticks is the longest stall.
    QElapsedTimer sinceTick;
    double longest = 0;
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        longest = std::max(longest, double(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.restart();
    });
    QSignalSpy finished(window.controller(), &gui::RunController::runFinished);
    window.controller()->start({id}, {0.5, 5.0, 100, 0}, false);
    sinceTick.start();
    tick.start();
    finished.wait(120'000);
    tick.stop();
    *maxStallMs = longest;
    return finished.first().first().value<RunResult>().results.at(0).summary.median;
}

double runHeadless(const WorkloadRegistry& registry, const QString& id)
{
    SessionPlan plan;
    plan.settings = {0.5, 5.0, 100, 0};
    plan.workloads.push_back(registry.find(id)->create({}));
    Session session(std::move(plan));
    QSignalSpy finished(&session, &Session::finished);
    session.start();
    finished.wait(120'000);
    return finished.first().first().value<RunResult>().results.at(0).summary.median;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QStringList parts = app.arguments().mid(1);
    millionPointFrames();
    if (parts.contains(QStringLiteral("frames")))
        return 0;

    WorkloadRegistry registry;
    workloads::registerBuiltInWorkloads(registry);
    for (const QString& id : {QStringLiteral("architecture.tool_exec.direct"), QStringLiteral("architecture.alloc.arena")}) {
        double stall = 0;
        // Alternate to spread drift over both; three rounds each.
        std::vector<double> gui, headless;
        for (int round = 0; round < 3; ++round) {
            headless.push_back(runHeadless(registry, id));
            double s = 0;
            gui.push_back(runWithWindow(registry, id, &s));
            stall = std::max(stall, s);
        }
        const double g = stats::median(gui), h = stats::median(headless);
        std::printf("%s: median headless %.1f ns, with window %.1f ns (%+.2f%%); longest GUI-thread stall %.1f ms\n",
                    qPrintable(id), h, g, (g / h - 1) * 100, stall);
    }
    return 0;
}
