#include "FileIoWorkloads.h"

#include "Parameters.h"

#include <QTemporaryDir>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <random>
#include <stdexcept>
#include <unistd.h>
#include <vector>

namespace crucible::workloads::sys {

namespace {

[[noreturn]] void fail(const WorkloadInfo& info, const char* what)
{
    throw std::runtime_error(QStringLiteral("%1: %2 failed: %3")
                                 .arg(info.id, QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno)))
                                 .toStdString());
}

// One iteration saves the file: open, write the buffer from offset 0, (fsync), close. POSIX
// calls rather than QFile, so that what is timed is the kernel's work and not a userspace
// buffer's. The buffer is random bytes, so that a compressing file system cannot make the job
// smaller than it looks. The file is overwritten in place, not truncated: ext4 (auto_da_alloc)
// starts writing a file back to disk when it is closed after a truncate, which would put disk
// I/O into the workload that is meant to show the cost without it. Both workloads write the
// same way, so the difference between them is the cost of fsync alone.
class FileWriteWorkload final : public BasicWorkload {
public:
    FileWriteWorkload(WorkloadInfo info, bool sync) : BasicWorkload(std::move(info)), m_sync(sync) { }

    void setUp(std::stop_token) override
    {
        m_buffer.resize(std::size_t(byteSizeParameter(info(), QStringLiteral("size"))));
        std::mt19937_64 random(42);
        for (std::size_t i = 0; i < m_buffer.size(); i += sizeof(std::uint64_t)) {
            const std::uint64_t word = random();
            std::memcpy(m_buffer.data() + i, &word, std::min(sizeof word, m_buffer.size() - i));
        }
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            throw std::runtime_error(
                QStringLiteral("%1: cannot create a temporary directory").arg(info().id).toStdString());
        m_path = m_dir->filePath(QStringLiteral("data.bin")).toLocal8Bit();
    }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            // An fsync can take tens of ms on a busy disk; a page-cache write of a large file too.
            if (stop.stop_requested())
                return;
            const int fd = ::open(m_path.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
            if (fd < 0)
                fail(info(), "open");
            std::size_t written = 0;
            while (written < m_buffer.size()) {
                const ssize_t n = ::pwrite(fd, m_buffer.data() + written, m_buffer.size() - written, off_t(written));
                if (n < 0 && errno == EINTR)
                    continue;
                if (n <= 0) {
                    ::close(fd);
                    fail(info(), "write");
                }
                written += std::size_t(n);
            }
            if (m_sync && ::fsync(fd) != 0) {
                ::close(fd);
                fail(info(), "fsync");
            }
            if (::close(fd) != 0)
                fail(info(), "close");
        }
    }

    void tearDown() override
    {
        m_dir.reset();
        m_buffer = {};
    }

private:
    bool m_sync;
    std::vector<char> m_buffer;
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_path;
};

void add(WorkloadRegistry& registry, const char* id, bool sync, const char* description)
{
    WorkloadInfo info;
    info.id = QLatin1String(id);
    info.category = Category::System;
    info.description = QLatin1String(description);
    info.operation = QStringLiteral("file");
    info.parameters = {{QStringLiteral("size"), QStringLiteral("4KiB")}};
    registry.add(WorkloadFactory{info, [info, sync](const QVariantMap& parameters) {
                                     return std::make_unique<FileWriteWorkload>(withParameters(info, parameters), sync);
                                 }});
}

} // namespace

void registerFileIoWorkloads(WorkloadRegistry& registry)
{
    add(registry, "system.file_io.write", false,
        "Save a file of 'size' random bytes in $TMPDIR (open, overwrite, close) without fsync: "
        "the cost of handing data to the page cache");
    add(registry, "system.file_io.fsync", true,
        "Save a file of 'size' random bytes in $TMPDIR and fsync it before closing: the cost of "
        "data reaching the storage device (on a tmpfs $TMPDIR it is no more than a write)");
}

} // namespace crucible::workloads::sys
