#pragma once

#include "Workload.h"
#include "process/CommandRunner.h"

#include <QStringList>

// Building the crucible-bench command lines that the cli workloads run as child processes.
namespace crucible::workloads::cli {

// Long enough for any headless command here on a loaded machine; short enough that a hung
// child fails its workload instead of hanging the run.
inline constexpr double kCommandTimeoutSeconds = 60;

// `executable arguments...` in `workingDirectory`, output to /dev/null, with a timeout. The
// child inherits this process's environment; workloads that start a run give its settings as
// flags, which win over any CRITERION_* variable the user set for the outer run.
CommandSpec benchCommand(const QString& executable, const QStringList& arguments, const QString& workingDirectory);

// The info of a cli workload: id "cli.<name>", unit ns, one iteration = `operation`.
WorkloadInfo cliInfo(const char* name, const char* operation, const char* description);

} // namespace crucible::workloads::cli
