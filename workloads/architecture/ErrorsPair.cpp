#include "ErrorsPair.h"

#include "DoNotOptimize.h"
#include "EntryParser.h"
#include "PairInfo.h"

#include <array>
#include <string>
#include <vector>

namespace crucible::workloads::architecture {

namespace {

// 1000 inputs taken in turn; every tenth is invalid, in one of four ways, so that exactly 10%
// of the inputs fail over any whole number of passes.
constexpr std::size_t kEntryCount = 1000;
constexpr std::size_t kFailureEvery = 10;

std::vector<std::string> makeEntries()
{
    static constexpr std::array<const char*, 5> keys{"port", "timeout_ms", "retries", "workers", "buffer_kib"};
    static constexpr std::array<int, 5> maxima{65535, 600000, 10, 256, 65536};
    static constexpr std::array<const char*, 4> invalid{
        "port 8080",      // missing separator
        "prot=8080",      // unknown key
        "timeout_ms=30s", // not a number
        "retries=12",     // out of range
    };

    std::vector<std::string> entries;
    entries.reserve(kEntryCount);
    for (std::size_t i = 0; i < kEntryCount; ++i) {
        if (i % kFailureEvery == kFailureEvery - 1) {
            entries.emplace_back(invalid[(i / kFailureEvery) % invalid.size()]);
            continue;
        }
        const std::size_t k = (i * 7) % keys.size();
        const int value = 4 + static_cast<int>((i * 2654435761u) % std::uint64_t(maxima[k] - 3));
        entries.push_back(std::string(keys[k]) + '=' + std::to_string(value));
    }
    return entries;
}

// Old way: the parser throws ParseException from wherever it finds the problem, and the caller
// catches it. Cheap while nothing fails; each failure pays for allocating the exception and
// unwinding the stack to the handler.
class ErrorsExceptions final : public BasicWorkload {
public:
    explicit ErrorsExceptions(WorkloadInfo info) : BasicWorkload(std::move(info)), m_entries(makeEntries()) { }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (stopRequestedAt(i, stop))
                return;
            const std::string& entry = m_entries[m_next++ % kEntryCount];
            std::uint64_t outcome = 0;
            try {
                outcome = static_cast<std::uint64_t>(parseEntryOrThrow(entry).value);
            } catch (const ParseException& e) {
                outcome = (std::uint64_t(e.error().code) << 32) | e.error().column;
            }
            doNotOptimize(outcome);
        }
    }

private:
    std::vector<std::string> m_entries;
    std::size_t m_next = 0;
};

// New way: the parser returns Result<ConfigEntry>, and failure is an ordinary branch for the
// caller; the same ParseError reaches it either way.
class ErrorsValues final : public BasicWorkload {
public:
    explicit ErrorsValues(WorkloadInfo info) : BasicWorkload(std::move(info)), m_entries(makeEntries()) { }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (stopRequestedAt(i, stop))
                return;
            const std::string& entry = m_entries[m_next++ % kEntryCount];
            const Result<ConfigEntry> result = parseEntry(entry);
            const std::uint64_t outcome = result ? static_cast<std::uint64_t>(result.value().value)
                                                 : (std::uint64_t(result.error().code) << 32) | result.error().column;
            doNotOptimize(outcome);
        }
    }

private:
    std::vector<std::string> m_entries;
    std::size_t m_next = 0;
};

} // namespace

void registerErrorsPair(WorkloadRegistry& registry)
{
    registry.add<ErrorsExceptions>(
        pairSideInfo("errors", "exceptions", "values", "input",
                     "Configuration entry validated with failures (one input in ten) thrown as exceptions "
                     "(old way)"));
    registry.add<ErrorsValues>(
        pairSideInfo("errors", "values", "exceptions", "input",
                     "The same entries validated with failures returned as result values (new way)"));
}

} // namespace crucible::workloads::architecture
