#include "BufferPool.h"

#include <new>
#include <stdexcept>

namespace crucible::workloads::daemon {

namespace {

// Cache-line aligned, so that buffers of different services never share a line.
constexpr std::align_val_t kAlignment{64};

std::byte* allocateBlock(std::size_t bytes)
{
    return static_cast<std::byte*>(::operator new(bytes, kAlignment));
}

void freeBlock(std::byte* block)
{
    ::operator delete(block, kAlignment);
}

} // namespace

BufferPool::BufferPool(std::size_t maxServices)
    : m_maxServices(maxServices), m_owned(std::make_unique<std::atomic<std::size_t>[]>(maxServices))
{
    for (SizeClass& c : m_classes)
        c.free.reserve(kMaxCachedPerClass);
}

BufferPool::~BufferPool()
{
    for (SizeClass& c : m_classes)
        for (std::byte* block : c.free)
            freeBlock(block);
}

Buffer BufferPool::acquire(ServiceId owner, std::size_t bytes)
{
    if (owner >= m_maxServices)
        throw std::out_of_range("buffer owner is not a service of this runtime");
    Buffer buffer;
    buffer.owner = owner;
    buffer.sizeClass = kUnpooled;
    for (std::uint8_t c = 0; c < kClassSizes.size(); ++c)
        if (bytes <= kClassSizes[c]) {
            buffer.sizeClass = c;
            break;
        }
    if (buffer.sizeClass == kUnpooled) {
        buffer.size = bytes;
        buffer.data = allocateBlock(bytes);
    } else {
        buffer.size = kClassSizes[buffer.sizeClass];
        SizeClass& c = m_classes[buffer.sizeClass];
        {
            std::lock_guard lock(c.mutex);
            if (!c.free.empty()) {
                buffer.data = c.free.back();
                c.free.pop_back();
            }
        }
        if (!buffer.data)
            buffer.data = allocateBlock(buffer.size);
    }
    m_owned[owner].fetch_add(buffer.size, std::memory_order_relaxed);
    return buffer;
}

void BufferPool::release(Buffer& buffer)
{
    if (!buffer.data)
        return;
    m_owned[buffer.owner].fetch_sub(buffer.size, std::memory_order_relaxed);
    bool cached = false;
    if (buffer.sizeClass != kUnpooled) {
        SizeClass& c = m_classes[buffer.sizeClass];
        std::lock_guard lock(c.mutex);
        if (c.free.size() < kMaxCachedPerClass) {
            c.free.push_back(buffer.data);
            cached = true;
        }
    }
    if (!cached)
        freeBlock(buffer.data);
    buffer = Buffer{};
}

std::size_t BufferPool::bytesOwnedBy(ServiceId owner) const
{
    return owner < m_maxServices ? m_owned[owner].load(std::memory_order_relaxed) : 0;
}

} // namespace crucible::workloads::daemon
