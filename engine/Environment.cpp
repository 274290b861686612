// describeEnvironment(): the "where and how" of a run for results.json and the history.
#include "Result.h"

#include <QProcess>
#include <QSysInfo>
#include <QThread>

namespace crucible {

namespace {
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

RunInfo describeMachine()
{
    static const RunInfo machine = [] {
        RunInfo info;
        info.host = QSysInfo::machineHostName();
        const QString model = captureEnvironment().cpuModel;
        info.cpu = model.isEmpty() ? QSysInfo::currentCpuArchitecture() : model;
        info.cpuCount = QThread::idealThreadCount();
        return info;
    }();
    return machine;
}

RunInfo describeEnvironment()
{
    RunInfo info;
    info.host = QSysInfo::machineHostName();
    info.cpuCount = QThread::idealThreadCount();
    info.os = QSysInfo::prettyProductName();
    info.kernel = QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion();
    info.gitCommit = gitCommit();
    info.toolVersion = QStringLiteral(CRUCIBLE_VERSION);
    info.environment = captureEnvironment();
    // The model from /proc/cpuinfo, read as /proc files must be (they report a size of 0).
    info.cpu = info.environment.cpuModel.isEmpty() ? QSysInfo::currentCpuArchitecture() : info.environment.cpuModel;
    return info;
}

void recordSettings(RunInfo& info, const MeasurementSettings& settings, bool quickCheck)
{
    info.warmUpSeconds = settings.warmUpSeconds;
    info.measurementSeconds = settings.measurementSeconds;
    info.sampleCount = settings.sampleCount;
    info.fixedIterations = settings.fixedIterations;
    info.quickCheck = quickCheck;
    info.rounds = settings.effectiveRounds();
}

} // namespace crucible
