#include "Coordinator.h"

namespace crucible::workloads::daemon {

namespace {

// FNV-1a over one item's bytes, seeded by the round so no round's result can be reused.
std::uint64_t checksum(const std::uint8_t* data, std::size_t size, std::uint64_t seed)
{
    std::uint64_t h = 1469598103934665603ull ^ seed;
    for (std::size_t i = 0; i < size; ++i) {
        h ^= data[i];
        h *= 1099511628211ull;
    }
    return h;
}

} // namespace

Coordinator::Coordinator(int helperThreads, std::size_t items, std::size_t itemBytes)
    : m_items(items), m_itemBytes(itemBytes), m_input(items * itemBytes), m_start(helperThreads + 1),
      m_end(helperThreads + 1)
{
    std::uint32_t state = 2463534242u;
    for (std::uint8_t& byte : m_input) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        byte = std::uint8_t(state);
    }
    try {
        for (int i = 0; i < helperThreads; ++i)
            m_helpers.emplace_back([this] { helperMain(); });
    } catch (...) {
        // Release the helpers that did start: arrive for the missing ones, so that the start
        // barrier opens, and let them see the quit flag.
        m_quit.store(true, std::memory_order_relaxed);
        for (std::size_t missing = std::size_t(helperThreads) - m_helpers.size(); missing > 0; --missing)
            (void)m_start.arrive();
        m_start.arrive_and_wait();
        for (std::thread& t : m_helpers)
            t.join();
        throw;
    }
}

Coordinator::~Coordinator()
{
    m_quit.store(true, std::memory_order_relaxed);
    m_start.arrive_and_wait(); // releases the helpers, which see m_quit and leave
    for (std::thread& t : m_helpers)
        t.join();
}

void Coordinator::helperMain()
{
    for (;;) {
        m_start.arrive_and_wait(); // the barrier orders m_quit and the round's setup for us
        if (m_quit.load(std::memory_order_relaxed))
            return;
        work();
        m_end.arrive_and_wait();
    }
}

void Coordinator::work()
{
    std::uint64_t local = 0;
    std::size_t done = 0;
    for (;;) {
        const std::size_t item = m_cursor.fetch_add(1, std::memory_order_relaxed);
        if (item >= m_items)
            break;
        local += checksum(m_input.data() + item * m_itemBytes, m_itemBytes, m_round + item);
        ++done;
    }
    std::lock_guard lock(m_mergeMutex);
    m_merged ^= local;
    m_itemsDone += done;
}

std::uint64_t Coordinator::runRound()
{
    ++m_round;
    m_cursor.store(0, std::memory_order_relaxed);
    m_merged = 0;
    m_itemsDone = 0;
    m_start.arrive_and_wait();
    work();
    m_end.arrive_and_wait();
    return m_merged;
}

} // namespace crucible::workloads::daemon
