#include "StartupWorkloads.h"

#include "BenchCommand.h"
#include "BenchCommandWorkload.h"

#include <QDir>
#include <QFile>

#include <fcntl.h>
#include <unistd.h>

namespace crucible::workloads::cli {

namespace {

// Asks the kernel to drop the file's pages from the page cache. Without root this is all that
// can be dropped (/proc/sys/vm/drop_caches needs root), and it only reaches pages that no
// process has mapped: when crucible-bench measures itself, the pages of its binary that the
// measuring process uses — nearly all that --version runs — stay cached, and so do the Qt
// libraries. Under a test binary the crucible-bench file is not mapped and is evicted.
void adviseDropFromPageCache(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return; // nothing to drop; the spawn will report a missing executable
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
}

// Each start is a first start as far as an unprivileged user can arrange it: a new working
// directory and new, empty HOME and XDG config/cache/data/state directories (so no settings,
// caches or history from an earlier start are found), and the executable's pages dropped from
// the page cache where the kernel allows it (see above). Making the directories is not part
// of the sample: the sample is the child's own time from spawn to exit.
class ColdStartWorkload final : public BenchCommandWorkload {
public:
    using BenchCommandWorkload::BenchCommandWorkload;

protected:
    std::vector<CommandSpec> commandsForIteration() override
    {
        const QDir fresh(pathOf(QStringLiteral("start-%1").arg(++m_starts)));
        CommandSpec spec = command({QStringLiteral("--version")});
        spec.workingDirectory = fresh.path();
        const std::pair<const char*, const char*> places[] = {{"HOME", "home"},
                                                              {"XDG_CONFIG_HOME", "config"},
                                                              {"XDG_CACHE_HOME", "cache"},
                                                              {"XDG_DATA_HOME", "data"},
                                                              {"XDG_STATE_HOME", "state"}};
        for (const auto& [variable, name] : places) {
            QDir().mkpath(fresh.filePath(QLatin1String(name)));
            spec.environment.insert(QLatin1String(variable), fresh.filePath(QLatin1String(name)));
        }
        adviseDropFromPageCache(executable());
        return {spec};
    }

private:
    int m_starts = 0;
};

} // namespace

void registerStartupWorkloads(WorkloadRegistry& registry)
{
    const WorkloadInfo cold =
        cliInfo("startup.cold", "start",
                "`crucible-bench --version` as a first start: new working directory, empty HOME and XDG "
                "directories, executable evicted from the page cache where allowed (pages a running "
                "process maps, such as Qt's, stay cached: evicting those needs root)");
    registry.add<ColdStartWorkload>(cold);

    const struct {
        const char* name;
        const char* operation;
        QStringList arguments;
        const char* description;
    } commands[] = {
        {"startup.version",
         "start",
         {QStringLiteral("--version")},
         "`crucible-bench --version`, warm: process start to exit with a QCoreApplication only "
         "(the 60 ms start-up budget applies to this)"},
        {"help",
         "command",
         {QStringLiteral("--help")},
         "`crucible-bench --help`: start, build the option parser's help text, print it, exit"},
        {"list",
         "command",
         {QStringLiteral("--list"), QStringLiteral("--json")},
         "`crucible-bench --list --json`: start, register every built-in workload, load the "
         "default suite, print the list as JSON, exit"},
    };
    for (const auto& c : commands) {
        const WorkloadInfo info = cliInfo(c.name, c.operation, c.description);
        registry.add(WorkloadFactory{info, [info, arguments = c.arguments](const QVariantMap&) {
                                         return std::make_unique<BenchCommandWorkload>(info, arguments);
                                     }});
    }
}

} // namespace crucible::workloads::cli
