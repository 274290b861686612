// crucible-bench: reads argv first, then creates only the application object the chosen face
// needs (a QCoreApplication for the headless commands keeps --version and --list fast).
#include "BuiltInWorkloads.h"
#include "CommandLine.h"
#include "HeadlessCommands.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("crucible-bench"));
    QCoreApplication::setOrganizationName(QStringLiteral("Crucible Bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRUCIBLE_VERSION));

    const crucible::ParsedCommandLine parsed = crucible::parseCommandLine(QCoreApplication::arguments());
    if (!parsed.options) {
        std::fprintf(stderr, "crucible-bench: %s\nTry 'crucible-bench --help'.\n", qPrintable(parsed.error.message));
        return crucible::ExitUsageError;
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

    crucible::WorkloadRegistry registry;
    crucible::workloads::registerBuiltInWorkloads(registry);
    if (!options.headless && !options.list && options.compareFiles.isEmpty()) {
        std::fprintf(stderr, "crucible-bench: this build has no desktop window yet; run with --headless\n");
        return crucible::ExitUsageError;
    }
    return crucible::runCommandLine(options, registry);
}
