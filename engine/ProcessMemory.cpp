#include "ProcessMemory.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace crucible {

namespace {
int statmDescriptor()
{
    // Opened once; O_CLOEXEC so that spawned commands do not inherit it.
    static const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    return fd;
}
} // namespace

std::int64_t currentRssBytes()
{
    const int fd = statmDescriptor();
    if (fd < 0)
        return 0;
    char buffer[128];
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    if (n <= 0)
        return 0;
    buffer[n] = '\0';
    // statm: size resident shared text lib data dt, in pages.
    char* end = nullptr;
    std::strtoll(buffer, &end, 10);
    const long long residentPages = std::strtoll(end, nullptr, 10);
    static const long pageSize = ::sysconf(_SC_PAGESIZE);
    return residentPages * pageSize;
}

namespace {
std::int64_t vmHwmBytes(const char* statusPath)
{
    std::FILE* status = std::fopen(statusPath, "re");
    if (!status)
        return 0;
    char line[256];
    std::int64_t kib = 0;
    while (std::fgets(line, sizeof line, status)) {
        if (std::strncmp(line, "VmHWM:", 6) == 0) {
            kib = std::strtoll(line + 6, nullptr, 10);
            break;
        }
    }
    std::fclose(status);
    return kib * 1024;
}
} // namespace

std::int64_t peakRssBytes()
{
    return vmHwmBytes("/proc/self/status");
}

std::int64_t peakRssBytesOf(int pid)
{
    char path[48];
    std::snprintf(path, sizeof path, "/proc/%d/status", pid);
    return vmHwmBytes(path);
}

} // namespace crucible
