#pragma once

#include <atomic>
#include <barrier>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace crucible::workloads::daemon {

// Rounds of work shared among threads, as a daemon does for a periodic job split across its
// workers (compaction, a metrics roll-up): the caller opens a round, every thread (the caller
// too) claims items from a shared cursor until none are left, merges its results into the
// shared state under a lock, and all meet at a barrier before the round's result is read.
class Coordinator {
public:
    // Starts `helperThreads` threads that join every round; `items` work items per round,
    // each a checksum over `itemBytes` bytes of the round's input.
    Coordinator(int helperThreads, std::size_t items, std::size_t itemBytes);
    ~Coordinator(); // ends the helpers at the next round boundary and joins them
    Coordinator(const Coordinator&) = delete;
    Coordinator& operator=(const Coordinator&) = delete;

    // Runs one round with the helpers and returns its merged result.
    std::uint64_t runRound();

    // Items completed in the last round, by all threads together: equals items when it worked.
    std::size_t itemsDone() const { return m_itemsDone; }

private:
    void helperMain();
    void work(); // claim items until none are left, merge into the shared state

    const std::size_t m_items;
    const std::size_t m_itemBytes;
    std::vector<std::uint8_t> m_input;
    std::uint64_t m_round = 0;

    std::barrier<> m_start;
    std::barrier<> m_end;
    std::atomic<std::size_t> m_cursor{0};
    std::atomic<bool> m_quit{false};

    std::mutex m_mergeMutex; // guards the shared round state below
    std::uint64_t m_merged = 0;
    std::size_t m_itemsDone = 0;

    std::vector<std::thread> m_helpers;
};

} // namespace crucible::workloads::daemon
