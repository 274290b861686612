#pragma once

#include "CommandLine.h"
#include "ExitCodes.h"
#include "Expected.h"
#include "WorkloadRegistry.h"
#include "export/ExternalReport.h"

namespace crucible {

// The headless faces of the program. Each prints its own errors to stderr and returns the exit
// code; they need a QCoreApplication (runSuiteHeadless spins its event loop).
int listWorkloads(const CommandLineOptions& options, const WorkloadRegistry& registry);
// --compare: two result files side by side (cli/CompareCommand.cpp).
int compareResultFiles(const CommandLineOptions& options);
// --import: a Google Benchmark or hyperfine file into the history (cli/ImportCommand.cpp).
int importBenchmarkFile(const CommandLineOptions& options);
// `reports` writes the formats above the engine (the PDF report, from gui/).
int runSuiteHeadless(const CommandLineOptions& options, const WorkloadRegistry& registry,
                     const ExternalReports& reports = {});

// Dispatches to the above by the options given.
int runCommandLine(const CommandLineOptions& options, const WorkloadRegistry& registry,
                   const ExternalReports& reports = {});

// How the headless commands say an error: "crucible-bench: <message>" on stderr.
void printError(const Error& error);
// Says `error` and returns the exit code of its kind: how a command stops on one. (A suite run
// goes on after some errors; its whole outcome decides its exit code.)
int stopOn(const Error& error);

} // namespace crucible
