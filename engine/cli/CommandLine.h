#pragma once

#include "CommandFlags.h"
#include "Comparison.h"
#include "MeasurementSettings.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace crucible {

// Everything the command line (and the CRITERION_* environment) asks for. SPEC.md "Command
// line" is the contract; a flag always wins over its environment variable.
struct CommandLineOptions {
    bool headless = false;
    bool list = false;
    bool json = false;
    bool quickCheck = false;
    bool noPlots = false;
    bool noHistory = false;
    bool failOnRegression = false;
    bool failOnBudget = false;
    bool runAtLaunch = false;
    bool force = false; // --force: --import a file already imported into the store
    bool yes = false;   // --yes: run a selection larger than kLargeRunWorkloads
    bool showVersion = false;
    bool showHelp = false;
    QString suiteFile;
    QString outputDir = QStringLiteral("benchmark_results");
    QStringList formats{QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("md"), QStringLiteral("pdf")};
    QString db;
    QString saveBaseline;
    QString baseline;
    double noiseThresholdPct = kDefaultNoiseThresholdPct; // --noise-threshold
    QStringList compareFiles;
    QString importFile;
    QStringList filters;
    MeasurementSettings settings;
    CommandLineCommands commands; // --command and hyperfine's flags (engine/cli/CommandFlags.h)
    // Which of the settings the user gave explicitly (so a suite file's defaults do not
    // override them).
    bool sampleSizeGiven = false;
    bool warmUpGiven = false;
    bool measurementGiven = false;
    bool roundsGiven = false;
};

struct CommandLineError {
    QString message;
};

// Parses argv (argv[0] included) without any application object. On a usage error returns
// the error, whose message names the flag or variable.
struct ParsedCommandLine {
    std::optional<CommandLineOptions> options;
    CommandLineError error;
    QString helpText;
};
ParsedCommandLine parseCommandLine(const QStringList& arguments,
                                   const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());

// The report formats --format takes: the engine's own (export/ReportFormats.h), and pdf, which
// is drawn in gui/ and reaches the engine as an ExternalReport.
QStringList knownFormats();

} // namespace crucible
