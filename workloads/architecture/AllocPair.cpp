#include "AllocPair.h"

#include "DoNotOptimize.h"
#include "PairInfo.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <memory_resource>
#include <new>
#include <vector>

namespace crucible::workloads::architecture {

namespace {

// The structure both sides build: a complete tree of fan-out 4 and depth 4 (341 nodes), the
// shape of a small parsed document, linked first-child / next-sibling.
constexpr int kFanOut = 4;
constexpr int kDepth = 4;
constexpr std::size_t kNodeCount = 1 + 4 + 16 + 64 + 256;

// Old way: each node owns its children through unique_ptr, so building makes one heap
// allocation per node and tearing down makes one free per node, in a recursive walk.
struct HeapNode {
    std::uint64_t value = 0;
    std::unique_ptr<HeapNode> firstChild;
    std::unique_ptr<HeapNode> nextSibling;
};

std::unique_ptr<HeapNode> buildHeapTree(int depth, std::uint64_t& counter)
{
    auto node = std::make_unique<HeapNode>();
    node->value = counter++;
    if (depth > 0) {
        std::unique_ptr<HeapNode>* link = &node->firstChild;
        for (int k = 0; k < kFanOut; ++k) {
            *link = buildHeapTree(depth - 1, counter);
            link = &(*link)->nextSibling;
        }
    }
    return node;
}

std::uint64_t walk(const HeapNode* node, std::uint64_t depth)
{
    std::uint64_t sum = 0;
    for (; node; node = node->nextSibling.get())
        sum += node->value * depth + walk(node->firstChild.get(), depth + 1);
    return sum;
}

// New way: nodes are trivially destructible and hold plain pointers into an arena; nothing is
// freed node by node, the whole tree goes when the arena does.
struct ArenaNode {
    std::uint64_t value = 0;
    ArenaNode* firstChild = nullptr;
    ArenaNode* nextSibling = nullptr;
};

ArenaNode* buildArenaTree(std::pmr::memory_resource& arena, int depth, std::uint64_t& counter)
{
    auto* node = new (arena.allocate(sizeof(ArenaNode), alignof(ArenaNode))) ArenaNode;
    node->value = counter++;
    if (depth > 0) {
        ArenaNode** link = &node->firstChild;
        for (int k = 0; k < kFanOut; ++k) {
            *link = buildArenaTree(arena, depth - 1, counter);
            link = &(*link)->nextSibling;
        }
    }
    return node;
}

std::uint64_t walk(const ArenaNode* node, std::uint64_t depth)
{
    std::uint64_t sum = 0;
    for (; node; node = node->nextSibling)
        sum += node->value * depth + walk(node->firstChild, depth + 1);
    return sum;
}

// The heap here is the benchmark's own, warm and unfragmented, so this is the best case for
// per-node allocation: the ratio understates what a long-running process pays.
class AllocSmallObjects final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (stopRequestedAt(i, stop))
                return;
            std::uint64_t counter = m_seed++;
            std::unique_ptr<HeapNode> root = buildHeapTree(kDepth, counter);
            const std::uint64_t sum = walk(root.get(), 1);
            doNotOptimize(sum);
        } // root and every node under it are freed here, one by one
    }

private:
    std::uint64_t m_seed = 0;
};

// The arena hands out pieces of one buffer allocated once and reused by every iteration, sized
// with room to spare so that the upstream resource is never asked for more.
class AllocArena final : public BasicWorkload {
public:
    explicit AllocArena(WorkloadInfo info)
        : BasicWorkload(std::move(info)), m_buffer(2 * kNodeCount * sizeof(ArenaNode))
    { }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (stopRequestedAt(i, stop))
                return;
            std::pmr::monotonic_buffer_resource arena(m_buffer.data(), m_buffer.size());
            std::uint64_t counter = m_seed++;
            const ArenaNode* root = buildArenaTree(arena, kDepth, counter);
            const std::uint64_t sum = walk(root, 1);
            doNotOptimize(sum);
        } // the arena goes out of scope: the whole tree is released at once
    }

private:
    std::vector<std::byte> m_buffer;
    std::uint64_t m_seed = 0;
};

} // namespace

void registerAllocPair(WorkloadRegistry& registry)
{
    registry.add<AllocSmallObjects>(
        pairSideInfo("alloc", "small_objects", "arena", "structure",
                     "Tree of 341 small nodes built, walked and freed with one heap allocation per node "
                     "(old way)"));
    registry.add<AllocArena>(
        pairSideInfo("alloc", "arena", "small_objects", "structure",
                     "The same tree built and walked in a reused monotonic arena released all at once "
                     "(new way)"));
}

} // namespace crucible::workloads::architecture
