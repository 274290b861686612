#pragma once

#include <array>
#include <cstdint>
#include <span>

// The capability behind architecture.plugins: CRC-32 (IEEE 802.3) of a short message, byte at a
// time through a 256-entry table. One implementation, reached through a plugin registry by one
// side of the pair and bound at compile time by the other.
namespace crucible::workloads::architecture {

struct Crc32 {
    static constexpr std::array<std::uint32_t, 256> kTable = [] {
        std::array<std::uint32_t, 256> table{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }();

    static std::uint32_t compute(std::span<const std::uint8_t> data)
    {
        std::uint32_t crc = 0xFFFFFFFFu;
        for (const std::uint8_t byte : data)
            crc = kTable[(crc ^ byte) & 0xFFu] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }
};

} // namespace crucible::workloads::architecture
