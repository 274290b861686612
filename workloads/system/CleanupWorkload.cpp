#include "CleanupWorkload.h"

#include "Parameters.h"

#include <QTemporaryDir>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace crucible::workloads::sys {

namespace {

// Files per subdirectory: a tree of 'files' files is spread over files/10 directories.
constexpr std::int64_t kFilesPerDirectory = 10;
constexpr char kContent[] = "scratch data that a tool leaves behind and must clean up\n";

// One iteration makes a scratch tree (directories of small files, as a build or a test run
// leaves behind) and removes it with std::filesystem::remove_all. Both halves are timed: the
// engine times whole iterations, and a tree cannot be removed twice. The creation costs about
// as much as the removal, so read the figure as "make and clean up", and compare it across
// runs, file systems and values of 'files'.
class CleanupWorkload final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    void setUp(std::stop_token) override
    {
        m_files = countParameter(info(), QStringLiteral("files"), 1'000'000);
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            throw std::runtime_error("system.cleanup: cannot create a temporary directory");
        m_root = std::filesystem::path(m_dir->path().toStdString()) / "tree";
    }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i) {
            createTree();
            std::error_code error;
            if (std::filesystem::remove_all(m_root, error) == static_cast<std::uintmax_t>(-1) || error)
                throw std::runtime_error("system.cleanup: remove_all failed: " + error.message());
        }
    }

    void tearDown() override { m_dir.reset(); }

private:
    void createTree()
    {
        mkdir(m_root);
        std::filesystem::path directory;
        for (std::int64_t f = 0; f < m_files; ++f) {
            if (f % kFilesPerDirectory == 0) {
                directory = m_root / ("d" + std::to_string(f / kFilesPerDirectory));
                mkdir(directory);
            }
            const std::string file = (directory / ("f" + std::to_string(f) + ".tmp")).string();
            const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (fd < 0)
                fail("open", file);
            const ssize_t written = ::write(fd, kContent, sizeof kContent - 1);
            ::close(fd);
            if (written != ssize_t(sizeof kContent - 1))
                fail("write", file);
        }
    }

    static void mkdir(const std::filesystem::path& path)
    {
        if (::mkdir(path.c_str(), 0700) != 0)
            fail("mkdir", path.string());
    }

    [[noreturn]] static void fail(const char* what, const std::string& path)
    {
        throw std::runtime_error(std::string("system.cleanup: ") + what + " '" + path + "': " + std::strerror(errno));
    }

    std::int64_t m_files = 0;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::filesystem::path m_root;
};

} // namespace

void registerCleanupWorkload(WorkloadRegistry& registry)
{
    WorkloadInfo info;
    info.id = QStringLiteral("system.cleanup");
    info.category = Category::System;
    info.description =
        QStringLiteral("Create a scratch tree of 'files' small files (10 per directory) in $TMPDIR, then remove "
                       "it recursively: the cost of a tool cleaning up after itself");
    info.operation = QStringLiteral("tree");
    info.parameters = {{QStringLiteral("files"), 100}};
    registry.add(WorkloadFactory{info, [info](const QVariantMap& parameters) {
                                     return std::make_unique<CleanupWorkload>(withParameters(info, parameters));
                                 }});
}

} // namespace crucible::workloads::sys
