#include "ToolCore.h"

namespace crucible::workloads::architecture {

ToolResult countAndChecksum(std::string_view text)
{
    ToolResult result;
    std::uint32_t hash = 2166136261u;
    bool inWord = false;
    for (const char c : text) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
        const bool space = c == ' ' || c == '\n' || c == '\t';
        result.words += (!space && !inWord) ? 1u : 0u;
        result.lines += c == '\n' ? 1u : 0u;
        inWord = !space;
    }
    result.checksum = hash;
    return result;
}

std::vector<std::string> makeToolInputs(std::size_t count, std::size_t size)
{
    // A fixed linear congruential generator: the texts differ from each other but never
    // between runs.
    std::uint32_t state = 12345u;
    auto next = [&state] {
        state = state * 1103515245u + 12345u;
        return state >> 16;
    };

    std::vector<std::string> inputs;
    inputs.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        std::string text;
        text.reserve(size);
        while (text.size() < size) {
            const std::size_t wordLength = 1 + next() % 9;
            for (std::size_t k = 0; k < wordLength && text.size() < size; ++k)
                text.push_back(static_cast<char>('a' + next() % 26));
            if (text.size() < size)
                text.push_back(next() % 8 == 0 ? '\n' : ' ');
        }
        inputs.push_back(std::move(text));
    }
    return inputs;
}

} // namespace crucible::workloads::architecture
