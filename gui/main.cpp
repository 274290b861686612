// crucible-bench: reads argv first, then creates only the application object the chosen face
// needs: a QCoreApplication for --version, --help, --list, --compare and --import (fast startup), a
// QApplication on the offscreen platform for a headless run that draws a PDF report (Qt
// Charts sits on Graphics View), and a QApplication on the desktop for the window.
#include "BuiltInWorkloads.h"
#include "PdfReport.h"
#include "WindowFace.h"
#include "cli/CommandLine.h"
#include "cli/HeadlessCommands.h"
#include "cli/QtNoiseFilter.h"

#include <QApplication>

#include <cstdio>
#include <memory>

namespace {

bool drawsPdf(const crucible::CommandLineOptions& o)
{
    return o.headless && !o.list && o.compareFiles.isEmpty() && o.importFile.isEmpty()
        && o.formats.contains(QLatin1String("pdf"));
}

// A headless run must work with no display at all, so it paints on the offscreen platform
// unless the user chose a platform themselves.
enum class Face { Terminal, TerminalWithCharts, Window };

Face faceOf(const crucible::CommandLineOptions& o)
{
    if (!o.headless && !o.list && o.compareFiles.isEmpty() && o.importFile.isEmpty())
        return Face::Window;
    return drawsPdf(o) ? Face::TerminalWithCharts : Face::Terminal;
}

std::unique_ptr<QCoreApplication> createApplication(int& argc, char* argv[], Face face)
{
    if (face == Face::Terminal)
        return std::make_unique<QCoreApplication>(argc, argv);
    if (face == Face::TerminalWithCharts && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QApplication>(argc, argv);
}

} // namespace

int main(int argc, char* argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const crucible::ParsedCommandLine parsed = crucible::parseCommandLine(arguments);
    if (!parsed.options) {
        std::fprintf(stderr, "crucible-bench: %s\nTry 'crucible-bench --help'.\n", qPrintable(parsed.error.message));
        return crucible::exitCodeFor(crucible::ErrorKind::Usage);
    }
    const crucible::CommandLineOptions& options = *parsed.options;
    if (options.showHelp) {
        std::fputs(qPrintable(parsed.helpText), stdout);
        return crucible::ExitOk;
    }
    if (options.showVersion) {
        std::printf("crucible-bench %s\n", CRUCIBLE_VERSION);
        return crucible::ExitOk;
    }

    const Face face = faceOf(options);
    if (face != Face::Window)
        crucible::filterQtNoise();
    const std::unique_ptr<QCoreApplication> app = createApplication(argc, argv, face);
    QCoreApplication::setApplicationName(QStringLiteral("crucible-bench"));
    QCoreApplication::setOrganizationName(QStringLiteral("Crucible Bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRUCIBLE_VERSION));

    crucible::WorkloadRegistry registry;
    crucible::workloads::registerBuiltInWorkloads(registry);
    if (face == Face::Window)
        return crucible::gui::runWindow(options, registry);
    return crucible::runCommandLine(options, registry, {crucible::report::pdfReportFormat()});
}
