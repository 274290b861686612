#include "ThisProgram.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

#include <cstdlib>
#include <stdexcept>

namespace crucible::workloads::sys {

namespace {

const QString kBinaryName = QStringLiteral("crucible-bench");

bool isExecutableFile(const QString& path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

} // namespace

QString runningExecutable()
{
    if (QCoreApplication::instance())
        return QCoreApplication::applicationFilePath();
    return QFileInfo(QStringLiteral("/proc/self/exe")).symLinkTarget();
}

QString crucibleBenchExecutable()
{
    const QString fromEnvironment = qEnvironmentVariable("CRUCIBLE_BENCH_BINARY");
    if (!fromEnvironment.isEmpty()) {
        if (!isExecutableFile(fromEnvironment))
            throw std::runtime_error(QStringLiteral("CRUCIBLE_BENCH_BINARY='%1' is not an executable file")
                                         .arg(fromEnvironment)
                                         .toStdString());
        return QFileInfo(fromEnvironment).absoluteFilePath();
    }
    const QString self = runningExecutable();
    const QFileInfo selfInfo(self);
    if (selfInfo.fileName() == kBinaryName)
        return self;

    const QDir dir = selfInfo.absoluteDir();
    const QStringList candidates{dir.filePath(kBinaryName), dir.filePath(QStringLiteral("../gui/") + kBinaryName)};
    for (const QString& candidate : candidates)
        if (isExecutableFile(candidate))
            return QFileInfo(candidate).canonicalFilePath();
    throw std::runtime_error(QStringLiteral("cannot find the crucible-bench executable: not running as crucible-bench, "
                                            "CRUCIBLE_BENCH_BINARY is not set, and neither of %1 exists (build the "
                                            "crucible-bench target)")
                                 .arg(candidates.join(QStringLiteral(", ")))
                                 .toStdString());
}

} // namespace crucible::workloads::sys
