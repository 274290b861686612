// How long the PDF report of a large run takes: 100 synthetic workloads of 50 samples each,
// charts included, rendered the way a headless run renders it (QApplication on the offscreen
// platform). The reports issue asks for under 10 s. Run by hand:
//   bench_report [--letter] [--no-plots] [--repeat N] [OUT.pdf]
#include "PdfReport.h"
#include "SyntheticRun.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    crucible::report::PdfOptions options;
    QString outPath;
    int repeat = 3;
    const QStringList args = QCoreApplication::arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--letter"))
            options.pageSize = QPageSize(QPageSize::Letter);
        else if (args[i] == QLatin1String("--no-plots"))
            options.plots = false;
        else if (args[i] == QLatin1String("--repeat") && i + 1 < args.size())
            repeat = std::max(1, args[++i].toInt());
        else
            outPath = args[i];
    }

    const crucible::RunResult run = syntheticRun(100, 50);
    QByteArray pdf;
    double best = 1e300;
    for (int r = 0; r < repeat; ++r) {
        QElapsedTimer timer;
        timer.start();
        const crucible::Expected<QByteArray> bytes = crucible::report::renderPdfReport(run, options);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!bytes) {
            std::fprintf(stderr, "bench_report: %s\n", qPrintable(bytes.error().message));
            return 1;
        }
        pdf = *bytes;
        best = std::min(best, seconds);
        std::printf("render %d: %.3f s\n", r + 1, seconds);
    }
    std::printf("report of %zu workloads x 50 samples (%s, %s): best %.3f s of %d, %lld bytes\n", run.results.size(),
                options.pageSize.id() == QPageSize::Letter ? "Letter" : "A4", options.plots ? "plots" : "no plots",
                best, repeat, qint64(pdf.size()));
    if (!outPath.isEmpty()) {
        QFile out(outPath);
        if (!out.open(QIODevice::WriteOnly) || out.write(pdf) != pdf.size()) {
            std::fprintf(stderr, "bench_report: cannot write '%s'\n", qPrintable(outPath));
            return 1;
        }
    }
    return 0;
}
