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
    WorkloadInfo info;
    info.id = QStringLiteral("cli.") + QLatin1String(name);
    info.category = Category::Cli;
    info.description = QString::fromUtf8(description);
    info.unit = QStringLiteral("ns");
    info.operation = QLatin1String(operation);
    return info;
}

} // namespace crucible::workloads::cli
