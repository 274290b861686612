#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// The "tool" that both sides of architecture.tool_exec execute. It lives in its own translation
// unit so that neither side can inline it into its loop: the pair then differs only in how the
// tool is reached, never in the tool itself.
namespace crucible::workloads::architecture {

struct ToolResult {
    std::uint32_t words = 0;
    std::uint32_t lines = 0;
    std::uint32_t checksum = 0; // FNV-1a of the bytes
};

// What `wc -wl` plus a checksum does to a short text: a per-byte pass that costs about as much
// as a real small tool, so that the layering around it is visible but not everything.
ToolResult countAndChecksum(std::string_view text);

// `count` different ASCII texts of exactly `size` bytes each (words, spaces and newlines),
// the same on every run so that results are comparable across runs.
std::vector<std::string> makeToolInputs(std::size_t count, std::size_t size);

} // namespace crucible::workloads::architecture
