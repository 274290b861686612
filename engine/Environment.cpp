// describeEnvironment(): the "where and how" of a run for results.json and the history.
#include "Result.h"

#include <QFile>
#include <QProcess>
#include <QSysInfo>
#include <QThread>

namespace crucible {

namespace {
QString cpuModel()
{
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (!cpuinfo.open(QIODevice::ReadOnly | QIODevice::Text))
        return QSysInfo::currentCpuArchitecture();
    while (!cpuinfo.atEnd()) {
        const QByteArray line = cpuinfo.readLine();
        if (line.startsWith("model name")) {
            const int colon = line.indexOf(':');
            return QString::fromUtf8(line.mid(colon + 1)).trimmed();
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

// The commit of the git checkout around the working directory, if any. Bounded to a second so
// that a hung git never delays a run.
QString gitCommit()
{
    QProcess git;
    git.setProcessChannelMode(QProcess::SeparateChannels);
    git.start(QStringLiteral("git"), {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    if (!git.waitForFinished(1000) || git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0) {
        git.kill();
        git.waitForFinished(100);
        return {};
    }
    return QString::fromLatin1(git.readAllStandardOutput()).trimmed();
}
} // namespace

RunInfo describeEnvironment()
{
    RunInfo info;
    info.host = QSysInfo::machineHostName();
    info.cpu = cpuModel();
    info.cpuCount = QThread::idealThreadCount();
    info.os = QSysInfo::prettyProductName();
    info.kernel = QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion();
    info.gitCommit = gitCommit();
    info.toolVersion = QStringLiteral(CRUCIBLE_VERSION);
    info.environment = captureEnvironment();
    return info;
}

} // namespace crucible
