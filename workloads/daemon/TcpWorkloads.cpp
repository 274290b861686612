#include "TcpWorkloads.h"

#include "DaemonInfo.h"
#include "DoNotOptimize.h"
#include "LoopbackServer.h"

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>
#include <vector>

namespace crucible::workloads::daemon {

namespace {

constexpr std::size_t kMessageBytes = 64;
constexpr std::size_t kChunkBytes = 64 * 1024;

// One small message to the echo server thread and its echo back, over a kept-open connection.
class TcpRoundTrip final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    void setUp(std::stop_token) override
    {
        m_server = std::make_unique<LoopbackServer>(LoopbackServer::Mode::Echo);
        m_client = std::make_unique<LoopbackClient>(m_server->port());
        m_message.fill(0x5a);
        m_sequence = 0;
    }

    void tearDown() override
    {
        m_client.reset(); // closing the connection ends the server's session first
        m_server.reset();
    }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i) {
            const std::uint64_t sequence = ++m_sequence;
            std::copy_n(reinterpret_cast<const std::uint8_t*>(&sequence), sizeof sequence, m_message.begin());
            m_client->sendAll(m_message.data(), m_message.size());
            m_client->receiveAll(m_reply.data(), m_reply.size());
            if (m_reply != m_message)
                throw std::runtime_error("the echo differs from the message sent");
            doNotOptimize(m_reply);
        }
    }

private:
    std::unique_ptr<LoopbackServer> m_server;
    std::unique_ptr<LoopbackClient> m_client;
    std::array<std::uint8_t, kMessageBytes> m_message{};
    std::array<std::uint8_t, kMessageBytes> m_reply{};
    std::uint64_t m_sequence = 0;
};

// 64 KiB sent to the server thread, which acknowledges each 64 KiB it has received with the
// running byte count; the iteration ends when the acknowledgement is back.
class TcpThroughput final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    void setUp(std::stop_token) override
    {
        m_server = std::make_unique<LoopbackServer>(LoopbackServer::Mode::Acknowledge, kChunkBytes);
        m_client = std::make_unique<LoopbackClient>(m_server->port());
        m_chunk.resize(kChunkBytes);
        for (std::size_t i = 0; i < m_chunk.size(); ++i)
            m_chunk[i] = std::uint8_t(i * 131 + 7);
        m_sent = 0;
    }

    void tearDown() override
    {
        m_client.reset();
        m_server.reset();
    }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i) {
            m_client->sendAll(m_chunk.data(), m_chunk.size());
            m_sent += kChunkBytes;
            std::uint64_t acknowledged = 0;
            m_client->receiveAll(&acknowledged, sizeof acknowledged);
            if (acknowledged != m_sent)
                throw std::runtime_error("the server acknowledged a different byte count");
        }
    }

private:
    std::unique_ptr<LoopbackServer> m_server;
    std::unique_ptr<LoopbackClient> m_client;
    std::vector<std::uint8_t> m_chunk;
    std::uint64_t m_sent = 0;
};

} // namespace

void registerTcpWorkloads(WorkloadRegistry& registry)
{
    registry.add<TcpRoundTrip>(
        daemonInfo("tcp.round_trip", "round trip",
                   "Sends a 64-byte message over loopback TCP (TCP_NODELAY) to a server thread that echoes "
                   "it, and reads the echo back"));
    registry.add<TcpThroughput>(
        daemonInfo("tcp.throughput", "64 KiB",
                   "Streams 64 KiB over loopback TCP to a server thread and waits for its acknowledgement of "
                   "the bytes received"));
}

} // namespace crucible::workloads::daemon
