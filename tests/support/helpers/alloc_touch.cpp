// A child whose peak memory is known: allocates MIB mebibytes, writes one byte in every page so
// that all of it is resident, optionally holds it for HOLD_MS milliseconds, and exits at once.
// Exiting right after the last touch is the hard case for a peak measured by polling.
//   alloc_touch MIB [HOLD_MS]
// No Qt and no iostreams: its own footprint stays around a megabyte.
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include <unistd.h>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: alloc_touch MIB [HOLD_MS]\n");
        return 2;
    }
    const std::size_t bytes = std::size_t(std::strtoul(argv[1], nullptr, 10)) << 20;
    const long holdMs = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 0;
    auto* memory = static_cast<volatile char*>(std::malloc(bytes));
    if (!memory)
        return 1;
    const long page = ::sysconf(_SC_PAGESIZE);
    for (std::size_t i = 0; i < bytes; i += std::size_t(page))
        memory[i] = char(i);
    if (holdMs > 0) {
        const timespec hold{holdMs / 1000, (holdMs % 1000) * 1'000'000};
        ::nanosleep(&hold, nullptr);
    }
    // The exit status depends on the memory, so no compiler may drop the writes.
    return memory[bytes / 2] == 42 ? 3 : 0;
}
