#include "ReferenceKernel.h"

#include "DoNotOptimize.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>

namespace crucible {

namespace {

constexpr int kSteps = 400'000;
constexpr std::size_t kTableSize = 4096; // 16 KiB of uint32_t

double timeKernelOnceNs()
{
    // A fresh table each time, so that the work does not depend on earlier calls.
    std::array<std::uint32_t, kTableSize> table{};
    for (std::size_t i = 0; i < kTableSize; ++i)
        table[i] = std::uint32_t(i * 2654435761u);
    std::uint32_t x = 0x9e3779b9u;
    std::uint64_t acc = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kSteps; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        acc += table[(x + std::uint32_t(acc)) & (kTableSize - 1)];
        table[(x >> 12) & (kTableSize - 1)] ^= std::uint32_t(acc);
    }
    doNotOptimize(acc);
    return std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

double measureReferenceKernelNs()
{
    std::array<double, 3> t{timeKernelOnceNs(), timeKernelOnceNs(), timeKernelOnceNs()};
    std::sort(t.begin(), t.end());
    return t[1];
}

} // namespace crucible
