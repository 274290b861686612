#pragma once

#include "Event.h"

#include <array>
#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

namespace crucible::workloads::daemon {

// A buffer a service owns, handed out by the pool.
struct Buffer {
    std::byte* data = nullptr;
    std::size_t size = 0; // usable bytes: the size class, at least what was asked for
    std::uint8_t sizeClass = 0;
    ServiceId owner = kNoService;
};

// The runtime's memory for service buffers: size classes with free lists, so that the steady
// churn of message and scratch buffers reuses blocks instead of going to malloc each time, and
// per-service accounting, so that health checks see which service holds how much.
class BufferPool {
public:
    static constexpr std::array<std::size_t, 6> kClassSizes = {64, 256, 1024, 4096, 16384, 65536};
    static constexpr std::uint8_t kUnpooled = 0xff; // larger than the largest class
    // Free blocks kept per class; beyond that released blocks go back to the system.
    static constexpr std::size_t kMaxCachedPerClass = 256;

    explicit BufferPool(std::size_t maxServices);
    ~BufferPool();
    BufferPool(const BufferPool&) = delete;
    BufferPool& operator=(const BufferPool&) = delete;

    // A buffer of at least `bytes` owned by `owner`; throws std::bad_alloc when memory is out
    // and std::out_of_range for an owner id beyond maxServices.
    Buffer acquire(ServiceId owner, std::size_t bytes);
    // Gives the buffer back (to its class's free list or the system) and clears `buffer`.
    void release(Buffer& buffer);

    std::size_t bytesOwnedBy(ServiceId owner) const;

private:
    struct SizeClass {
        mutable std::mutex mutex;
        std::vector<std::byte*> free;
    };

    std::array<SizeClass, kClassSizes.size()> m_classes;
    std::size_t m_maxServices;
    std::unique_ptr<std::atomic<std::size_t>[]> m_owned; // bytes by owner id
};

} // namespace crucible::workloads::daemon
