#include "RuntimeWorkloads.h"

#include "DaemonInfo.h"
#include "DemoServices.h"
#include "DoNotOptimize.h"
#include "Runtime.h"

#include <array>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace crucible::workloads::daemon {

namespace {

constexpr int kServices = 1000;
constexpr int kCapabilities = 50;
constexpr std::size_t kQueries = 512; // a power of two: the query index is masked

std::string serviceName(int i)
{
    static const char* const domains[] = {"billing", "search", "storage", "auth", "metrics", "mail", "jobs", "cache"};
    return std::string(domains[i % 8]) + '-' + std::to_string(i);
}

std::string capabilityName(int i)
{
    return "capability-" + std::to_string(i % kCapabilities);
}

// A runtime with 1000 catalog services, each offering 2 of 50 capabilities, all started but
// every fifth, which stays stopped: lookups must pass over services that do not run.
std::unique_ptr<Runtime> populatedRuntime()
{
    auto runtime = std::make_unique<Runtime>(RuntimeOptions{1, 256, kServices});
    for (int i = 0; i < kServices; ++i)
        runtime->add(std::make_unique<CatalogService>(
            serviceName(i), std::vector<std::string>{capabilityName(i), capabilityName(i * 7 + 3)}));
    for (int i = 0; i < kServices; ++i)
        if (i % 5 != 0)
            runtime->start(ServiceId(i));
    return runtime;
}

// One lookup per iteration, alternating between a service by name and a running provider of
// a capability (round-robin among the providers), with query strings of their own.
class Discovery final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    void setUp(std::stop_token) override
    {
        m_runtime = populatedRuntime();
        m_queries.clear();
        for (std::size_t q = 0; q < kQueries; ++q) {
            int i = int((q * 389 + 17) % kServices);
            if (i % 5 == 0)
                ++i; // by name, ask only for services that run
            m_queries.push_back(q % 2 == 0 ? serviceName(i) : capabilityName(i));
        }
        for (std::size_t q = 0; q < kQueries; ++q)
            if (!find(q))
                throw std::runtime_error("discovery did not find " + m_queries[q]);
        m_next = 0;
    }

    void tearDown() override { m_runtime.reset(); }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (stopRequestedAt(i, stop))
                return;
            const Service* found = find(m_next++ & (kQueries - 1));
            doNotOptimize(found);
        }
    }

private:
    const Service* find(std::size_t q) const
    {
        const ServiceDirectory& directory = m_runtime->directory();
        return q % 2 == 0 ? directory.findByName(m_queries[q]) : directory.findProvider(m_queries[q]);
    }

    std::unique_ptr<Runtime> m_runtime;
    std::vector<std::string> m_queries;
    std::uint64_t m_next = 0;
};

// One sweep per iteration: every one of 1000 services asked for its health (running, handler
// errors since the last sweep, idle time) and checked against its memory quota in the pool.
class HealthCheck final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    void setUp(std::stop_token) override
    {
        m_runtime = populatedRuntime();
        for (int i = 0; i < kServices; ++i) {
            auto& service = static_cast<CatalogService&>(m_runtime->service(ServiceId(i)));
            service.setStalenessLimitNs(i % 3 == 0 ? 60'000'000'000 : 0);
            if (i % 10 == 3) {
                service.setMemoryQuota(1024);
                m_buffers.push_back(m_runtime->buffers().acquire(ServiceId(i), 4096));
            }
        }
        const HealthSummary summary = m_runtime->checkHealth();
        if (summary.healthy + summary.degraded + summary.unhealthy != std::size_t(kServices) || summary.degraded == 0)
            throw std::runtime_error("the health sweep did not see every service");
        m_sweeps = 0;
    }

    void tearDown() override
    {
        for (Buffer& b : m_buffers)
            m_runtime->buffers().release(b);
        m_buffers.clear();
        m_runtime.reset();
    }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i) {
            // Some services fail a handler between sweeps, as in a live daemon.
            static_cast<CatalogService&>(m_runtime->service(ServiceId(m_sweeps++ % kServices))).noteError();
            const HealthSummary summary = m_runtime->checkHealth();
            doNotOptimize(summary);
        }
    }

private:
    std::unique_ptr<Runtime> m_runtime;
    std::vector<Buffer> m_buffers;
    std::uint64_t m_sweeps = 0;
};

// One start and one stop per iteration of a service that takes a 4 KiB state buffer from the
// pool and subscribes to configuration changes when it starts, and gives both back on stop.
class Lifecycle final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    void setUp(std::stop_token) override
    {
        m_runtime = std::make_unique<Runtime>(RuntimeOptions{1, 256, 16});
        m_service = m_runtime->add(
            std::make_unique<StatefulService>("session-store", std::vector<std::string>{"sessions", "kv"}, 4096));
    }

    void tearDown() override { m_runtime.reset(); }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (stopRequestedAt(i, stop))
                return;
            if (!m_runtime->start(m_service) || !m_runtime->stop(m_service))
                throw std::runtime_error("the service did not start and stop");
        }
    }

private:
    std::unique_ptr<Runtime> m_runtime;
    ServiceId m_service = kNoService;
};

// One buffer per iteration through the runtime's pool: acquired for one of 16 services in a
// size from 48 bytes to 60 KB, its ends written, and the oldest of 64 live buffers released.
class Memory final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;
    static constexpr std::size_t kLive = 64; // a power of two: the slot index is masked
    static constexpr std::array<std::size_t, 8> kSizes = {48, 200, 64, 1000, 3000, 256, 12000, 60000};

    void setUp(std::stop_token) override
    {
        m_runtime = std::make_unique<Runtime>(RuntimeOptions{1, 256, 16});
        m_next = 0;
    }

    void tearDown() override
    {
        for (Buffer& b : m_live)
            m_runtime->buffers().release(b);
        m_runtime.reset();
    }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        BufferPool& pool = m_runtime->buffers();
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (stopRequestedAt(i, stop))
                return;
            const std::uint64_t k = m_next++;
            Buffer& slot = m_live[k & (kLive - 1)];
            pool.release(slot);
            slot = pool.acquire(ServiceId(k % 16), kSizes[k % kSizes.size()]);
            slot.data[0] = std::byte(k);
            slot.data[slot.size - 1] = std::byte(k >> 8);
            doNotOptimize(slot.data);
        }
    }

private:
    std::unique_ptr<Runtime> m_runtime;
    std::array<Buffer, kLive> m_live{};
    std::uint64_t m_next = 0;
};

} // namespace

void registerRuntimeWorkloads(WorkloadRegistry& registry)
{
    registry.add<Discovery>(
        daemonInfo("discovery", "lookup",
                   "Finds a running service by name, or a running provider of a capability (round-robin), "
                   "among 1000 registered services"));
    registry.add<HealthCheck>(
        daemonInfo("health_check", "sweep",
                   "Health check sweep over all 1000 services of a runtime: state, handler errors, idle time "
                   "and memory quota of each, counted into a summary"));
    registry.add<Lifecycle>(
        daemonInfo("lifecycle", "start+stop",
                   "Starts and stops a service that takes a state buffer from the pool and subscribes to "
                   "events on start, and gives both back on stop"));
    registry.add<Memory>(
        daemonInfo("memory", "buffer",
                   "Acquires a service-owned buffer (48 B to 60 KB) from the runtime's size-class pool with "
                   "per-service accounting, writes it, and releases the oldest of 64 live buffers"));
}

} // namespace crucible::workloads::daemon
