#include "BenchCommand.h"

namespace crucible::workloads::cli {

CommandSpec benchCommand(const QString& executable, const QStringList& arguments, const QString& workingDirectory)
{
    CommandSpec spec;
    spec.argv = QStringList{executable} + arguments;
    spec.workingDirectory = workingDirectory;
    spec.timeoutSeconds = kCommandTimeoutSeconds;
    return spec;
}

WorkloadInfo cliInfo(const char* name, const char* operation, const char* description)
{
    return builtInInfo(Category::Cli, QLatin1String(name), QLatin1String(operation), QString::fromUtf8(description));
}

} // namespace crucible::workloads::cli
