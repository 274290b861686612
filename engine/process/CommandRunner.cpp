// runCommand(): one execution of an external command, measured from outside.
//
// Peak memory is the hard part. ru_maxrss from wait4 is a floor, not a measurement: at exec the
// kernel folds the old address space's high-water mark into the process's maxrss, so a command
// started from a 300 MB process reports at least 300 MB (for /bin/true too). Polling
// /proc/PID/status while the child lives sees its own VmHWM, but a short child can reach its
// peak and exit between two polls, and after exit the figure is gone. So the child is traced
// (PTRACE_TRACEME, nothing else: no syscall tracing, so it runs at full speed) only to stop it at
// its exit, when its address space still exists and VmHWM is final: exact for a 2 ms child and
// for a 2 h one, at the cost of two ptrace stops (tens of microseconds). Where tracing is
// refused (a seccomp profile, Yama ptrace_scope 3, or this process itself being traced by strace
// -f), or the spec asks for no tracing, the watchdog polls VmHWM every 2 ms instead. So does a
// setuid/setgid or file-capability program: the kernel drops those privileges for a traced
// exec, which would change what the command does.
// Descendants the command waited for count too, through ru_maxrss, whenever their peak exceeds
// this process's own peak (the floor they could have inherited); below it they are not visible.
#include "CommandRunner.h"

#include "ChildWait.h"
#include "CpuTime.h"
#include "Launch.h"
#include "ProcessMemory.h"
#include "Watchdog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

#include <chrono>
#include <cstring>
#include <functional>
#include <optional>

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace crucible {

namespace {

using Clock = std::chrono::steady_clock;

double nsBetween(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double, std::nano>(b - a).count();
}

QString signalName(int sig)
{
    if (const char* abbreviation = ::sigabbrev_np(sig))
        return QStringLiteral("SIG") + QString::fromLatin1(abbreviation);
    return QStringLiteral("signal %1").arg(sig);
}

// An fd >= 3 with close-on-exec, so that the child's dup2 onto 0-2 never overwrites another.
class StreamFile {
public:
    StreamFile(const QString& path, bool output)
    {
        const QByteArray name = QFile::encodeName(path.isEmpty() ? QStringLiteral("/dev/null") : path);
        const int flags = output ? O_WRONLY | O_CREAT | O_TRUNC : O_RDONLY;
        const int fd = ::open(name.constData(), flags | O_CLOEXEC, 0644);
        if (fd < 0) {
            m_error = QString::fromLocal8Bit(std::strerror(errno));
            return;
        }
        m_fd = ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
        ::close(fd);
    }
    ~StreamFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    StreamFile(const StreamFile&) = delete;
    StreamFile& operator=(const StreamFile&) = delete;
    int fd() const { return m_fd; }
    const QString& error() const { return m_error; }

private:
    int m_fd = -1;
    QString m_error;
};

// execvp's search, done before the clone because the child must not allocate. Relative PATH
// entries and relative programs resolve against the child's working directory, as they would
// after its chdir.
QString findProgram(const QString& program, const QString& pathVariable, const QString& workingDirectory)
{
    const QDir base(workingDirectory.isEmpty() ? QDir::currentPath() : workingDirectory);
    if (program.contains(QLatin1Char('/')))
        return program;
    for (const QString& dir : pathVariable.split(QLatin1Char(':'))) {
        QString candidate = base.filePath(QDir(dir.isEmpty() ? QStringLiteral(".") : dir).filePath(program));
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return candidate;
    }
    return {};
}

// A program that gains privileges at exec (setuid, setgid, file capabilities) must not be
// traced: a traced exec does not grant them.
bool gainsPrivileges(const std::string& path)
{
    struct stat st { };
    if (::stat(path.c_str(), &st) == 0 && (st.st_mode & (S_ISUID | S_ISGID)))
        return true;
    return ::getxattr(path.c_str(), "security.capability", nullptr, 0) > 0;
}

std::vector<std::string> toLocal8Bit(const QStringList& list)
{
    std::vector<std::string> out;
    out.reserve(std::size_t(list.size()));
    for (const QString& s : list)
        out.push_back(QFile::encodeName(s).toStdString());
    return out;
}

CommandOutcome failure(const QString& error)
{
    CommandOutcome outcome;
    outcome.status = Status::Failed;
    outcome.error = error;
    return outcome;
}

// The child's own peak: the exact figure at its exit stop (or the polled one), raised by
// ru_maxrss where that is provably not the inherited floor.
std::int64_t childPeak(std::int64_t ownPeak, const rusage& usage)
{
    const std::int64_t maxRss = std::int64_t(usage.ru_maxrss) * 1024;
    const std::int64_t floor = peakRssBytes(); // this process's peak now >= what was inherited
    return maxRss > floor ? std::max(maxRss, ownPeak) : ownPeak;
}

void classify(CommandOutcome& outcome, const CommandSpec& spec, const process::WatchReport& watchdog, int status)
{
    if (WIFSIGNALED(status))
        outcome.signal = WTERMSIG(status);
    else if (WIFEXITED(status))
        outcome.exitCode = WEXITSTATUS(status);

    if (watchdog.timedOut) {
        outcome.status = Status::Timeout;
        outcome.error = QStringLiteral("timed out after %1 s").arg(spec.timeoutSeconds);
    } else if (watchdog.stopped) {
        outcome.status = Status::Failed;
        outcome.stopped = true;
        outcome.error = QStringLiteral("stopped before it finished");
    } else if (outcome.signal != 0) {
        outcome.status = Status::Crashed;
        outcome.error = QStringLiteral("killed by %1").arg(signalName(outcome.signal));
    } else if (spec.expectedExit && outcome.exitCode != *spec.expectedExit) {
        outcome.status = Status::Failed;
        outcome.error = QStringLiteral("exit code %1").arg(outcome.exitCode);
        if (*spec.expectedExit != 0)
            outcome.error += QStringLiteral(" (expected %1)").arg(*spec.expectedExit);
    }
}

} // namespace

CommandOutcome runCommand(const CommandSpec& spec, std::stop_token stop)
{
    if (spec.argv.isEmpty() || spec.argv.constFirst().isEmpty())
        return failure(QStringLiteral("empty command"));
    const QString& program = spec.argv.constFirst();
    if (stop.stop_requested()) {
        CommandOutcome outcome = failure(QStringLiteral("stopped before it started"));
        outcome.stopped = true;
        return outcome;
    }

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = spec.environment.begin(); it != spec.environment.end(); ++it)
        environment.insert(it.key(), it.value());
    if (!spec.workingDirectory.isEmpty() && !QFileInfo(spec.workingDirectory).isDir())
        return failure(QStringLiteral("cannot run '%1': working directory '%2' does not exist")
                           .arg(program, spec.workingDirectory));
    const QString path = findProgram(program, environment.value(QStringLiteral("PATH")), spec.workingDirectory);
    if (path.isEmpty())
        return failure(QStringLiteral("cannot run '%1': no such program in PATH").arg(program));

    const StreamFile in(spec.stdinPath, false);
    const StreamFile out(spec.stdoutPath, true);
    const StreamFile err(spec.stderrPath, true);
    const std::pair<const StreamFile*, QString> streams[] = {
        {&in, spec.stdinPath}, {&out, spec.stdoutPath}, {&err, spec.stderrPath}};
    for (const auto& [file, name] : streams)
        if (file->fd() < 0)
            return failure(QStringLiteral("cannot run '%1': cannot open '%2': %3")
                               .arg(program, name.isEmpty() ? QStringLiteral("/dev/null") : name, file->error()));

    process::LaunchRequest request;
    request.path = QFile::encodeName(path).toStdString();
    request.argv = toLocal8Bit(spec.argv);
    request.env = toLocal8Bit(environment.toStringList());
    request.workingDirectory = QFile::encodeName(spec.workingDirectory).toStdString();
    request.stdinFd = in.fd();
    request.stdoutFd = out.fd();
    request.stderrFd = err.fd();
    request.trace = spec.exactPeakMemory && !gainsPrivileges(request.path);

    process::Watchdog& watchdog = process::Watchdog::ofThisThread();
    auto onStop = std::make_optional<std::stop_callback<std::function<void()>>>(
        std::move(stop), [&watchdog] { watchdog.requestStop(); });
    const process::Launched child = process::launch(request);
    if (child.pid < 0) {
        onStop.reset();
        watchdog.finish();
        return failure(QStringLiteral("cannot run '%1': %2 failed: %3")
                           .arg(program, QString::fromLatin1(child.failedStep),
                                QString::fromLocal8Bit(std::strerror(child.error))));
    }
    watchdog.watch(child.pid, spec.timeoutSeconds, !child.traced);
    const process::Termination termination = process::awaitTermination(child.pid, child.traced);
    const auto ended = Clock::now();
    // No stop request may reach the watchdog once it is disarmed (it would stop the next
    // command): the callback goes first (its destructor waits for a call in progress).
    onStop.reset();
    const process::WatchReport watched = watchdog.finish();
    // Whatever the command left running in its group goes with it. The zombie leader keeps the
    // group id reserved until reap(), so this cannot hit an unrelated group.
    ::killpg(child.pid, SIGKILL);
    const process::Reaped reaped = process::reap(child.pid);

    CommandOutcome outcome;
    outcome.pid = child.pid;
    outcome.wallNs = nsBetween(child.started, ended);
    if (!reaped.ok) {
        outcome.status = Status::Failed;
        outcome.error = QStringLiteral("'%1' was reaped by someone else; its exit status is lost").arg(program);
        return outcome;
    }
    outcome.userNs = timevalNs(reaped.usage.ru_utime);
    outcome.sysNs = timevalNs(reaped.usage.ru_stime);
    outcome.peakRssBytes = childPeak(child.traced ? termination.exitPeakBytes : watched.polledPeakBytes, reaped.usage);
    classify(outcome, spec, watched, reaped.status);
    return outcome;
}

} // namespace crucible
