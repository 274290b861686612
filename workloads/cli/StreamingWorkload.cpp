#include "StreamingWorkload.h"

#include "BenchCommand.h"
#include "DoNotOptimize.h"
#include "Parameters.h"
#include "SuiteFiles.h"
#include "system/ThisProgram.h"

#include <QProcess>
#include <QTemporaryDir>

#include <memory>
#include <stdexcept>

namespace crucible::workloads::cli {

namespace {

// `crucible-bench --list --suite FILE` on a generated suite of `lines` workloads prints one
// line per workload; this process reads them from a pipe line by line as they arrive, as a
// pager or a CI log collector does, and checks that all of them came. One iteration is the
// whole stream, from start to the last line and the child's exit.
//
// This is the one cli workload that does not go through the engine's runCommand: runCommand
// sends a child's output to /dev/null or a file, never to a pipe this process reads while the
// child runs, and streaming is exactly that reading. QProcess (no shell either) gives the pipe;
// the engine times run() on this thread, so the sample is the consumer's view: the child's
// work plus the pipe plus reading, but not the child's own CPU time or peak memory.
class StreamingWorkload final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    void setUp(std::stop_token) override
    {
        m_lines = countParameter(info(), QStringLiteral("lines"), 1'000'000);
        m_executable = sys::crucibleBenchExecutable();
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            throw std::runtime_error("cli.streaming: cannot create a temporary directory");
        m_suite = m_dir->filePath(QStringLiteral("listing.json"));
        writeFile(m_suite, longListingSuite(int(m_lines)));
    }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i)
            streamOnce(stop);
    }

    void tearDown() override { m_dir.reset(); }

private:
    void streamOnce(const std::stop_token& stop)
    {
        QProcess child;
        child.setProgram(m_executable);
        child.setArguments({QStringLiteral("--list"), QStringLiteral("--suite"), m_suite});
        child.setWorkingDirectory(m_dir->path());
        child.setStandardErrorFile(QProcess::nullDevice());
        child.start(QIODevice::ReadOnly);
        if (!child.waitForStarted(int(kCommandTimeoutSeconds * 1000)))
            fail(QStringLiteral("cannot start %1: %2").arg(m_executable, child.errorString()));

        std::int64_t lines = 0;
        for (;;) {
            while (child.canReadLine()) {
                const QByteArray line = child.readLine();
                doNotOptimize(line);
                ++lines;
            }
            if (child.state() == QProcess::NotRunning)
                break;
            if (stop.stop_requested()) {
                child.kill();
                child.waitForFinished();
                return;
            }
            // Short waits, so that a stop request is seen within 100 ms.
            child.waitForReadyRead(100);
        }
        lines += child.readAll().count('\n'); // anything that came with the exit
        if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
            fail(QStringLiteral("'crucible-bench --list --suite %1' ended with exit code %2")
                     .arg(m_suite)
                     .arg(child.exitCode()));
        if (lines != m_lines)
            fail(QStringLiteral("read %1 lines, expected %2").arg(lines).arg(m_lines));
    }

    [[noreturn]] void fail(const QString& message) const
    {
        throw std::runtime_error((info().id + QStringLiteral(": ") + message).toStdString());
    }

    std::int64_t m_lines = 0;
    QString m_executable;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_suite;
};

} // namespace

void registerStreamingWorkload(WorkloadRegistry& registry)
{
    WorkloadInfo info = cliInfo("streaming", "stream",
                                "`crucible-bench --list --suite FILE` printing 'lines' lines, read through a pipe line "
                                "by line while it runs (QProcess): the time from start to the last line and exit");
    info.parameters = {{QStringLiteral("lines"), 5000}};
    registry.add(WorkloadFactory{info, [info](const QVariantMap& parameters) {
                                     return std::make_unique<StreamingWorkload>(withParameters(info, parameters));
                                 }});
}

} // namespace crucible::workloads::cli
