#include "LoopbackWorkload.h"

#include "DoNotOptimize.h"
#include "Parameters.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <memory>
#include <netinet/in.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace crucible::workloads::sys {

namespace {

// A UDP socket bound to an ephemeral port on 127.0.0.1, closed with its owner.
class UdpSocket {
public:
    UdpSocket() : m_fd(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0))
    {
        if (m_fd < 0)
            throw std::runtime_error(std::string("system.loopback: socket: ") + std::strerror(errno));
        sockaddr_in address = loopback(0);
        if (::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
            throw std::runtime_error(std::string("system.loopback: bind: ") + std::strerror(errno));
    }
    ~UdpSocket() { ::close(m_fd); }
    UdpSocket(const UdpSocket&) = delete;
    UdpSocket& operator=(const UdpSocket&) = delete;

    int fd() const { return m_fd; }

    in_port_t port() const
    {
        sockaddr_in address{};
        socklen_t length = sizeof address;
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length);
        return address.sin_port;
    }

    // Connected UDP sockets exchange datagrams only with each other and skip the per-datagram
    // route lookup: the round trip measures the loopback path, not address handling.
    void connectTo(in_port_t port)
    {
        sockaddr_in address = loopback(port);
        if (::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
            throw std::runtime_error(std::string("system.loopback: connect: ") + std::strerror(errno));
    }

    void setReceiveTimeout(int milliseconds)
    {
        const timeval timeout{milliseconds / 1000, (milliseconds % 1000) * 1000};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    }

private:
    static sockaddr_in loopback(in_port_t port)
    {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = port;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return address;
    }

    int m_fd;
};

// One iteration: the client sends a datagram of `size` bytes and blocks until the echo thread
// has received it and sent it back. Both ends use blocking calls, so the time includes two
// trips through the UDP stack and two thread wake-ups — what a request/response over
// localhost costs. (daemon.tcp.* measures the same over TCP streams inside the service runtime.)
class LoopbackWorkload final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    ~LoopbackWorkload() override { tearDown(); }

    void setUp(std::stop_token) override
    {
        const std::int64_t size = byteSizeParameter(info(), QStringLiteral("size"));
        if (size > 65507)
            throw std::invalid_argument("system.loopback: a UDP datagram holds at most 65507 bytes");
        m_message.assign(std::size_t(size), 'x');
        m_reply.resize(m_message.size() + 1);
        m_client = std::make_unique<UdpSocket>();
        m_server = std::make_unique<UdpSocket>();
        m_client->connectTo(m_server->port());
        m_server->connectTo(m_client->port());
        // A datagram lost on loopback (a full receive buffer) must not hang the run.
        m_client->setReceiveTimeout(2000);
        m_echo = std::jthread([fd = m_server->fd(), size = m_message.size()] { echo(fd, size); });
    }

    void run(std::uint64_t iterations, std::stop_token) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (::send(m_client->fd(), m_message.data(), m_message.size(), 0) < 0)
                fail("send");
            const ssize_t n = ::recv(m_client->fd(), m_reply.data(), m_reply.size(), 0);
            if (n < 0)
                fail(errno == EAGAIN || errno == EWOULDBLOCK ? "recv (no echo within 2 s)" : "recv");
            doNotOptimize(m_reply[0]);
        }
    }

    void tearDown() override
    {
        if (m_echo.joinable()) {
            // An empty datagram tells the echo thread to finish.
            ::send(m_client->fd(), "", 0, 0);
            m_echo.join();
        }
        m_client.reset();
        m_server.reset();
    }

private:
    static void echo(int fd, std::size_t size)
    {
        std::vector<char> buffer(size + 1);
        for (;;) {
            const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), 0);
            if (n == 0)
                return;
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return;
            }
            ::send(fd, buffer.data(), std::size_t(n), 0);
        }
    }

    [[noreturn]] static void fail(const char* what)
    {
        throw std::runtime_error(std::string("system.loopback: ") + what + ": " + std::strerror(errno));
    }

    std::string m_message;
    std::vector<char> m_reply;
    std::unique_ptr<UdpSocket> m_client;
    std::unique_ptr<UdpSocket> m_server;
    std::jthread m_echo;
};

} // namespace

void registerLoopbackWorkload(WorkloadRegistry& registry)
{
    WorkloadInfo info;
    info.id = QStringLiteral("system.loopback");
    info.category = Category::System;
    info.description =
        QStringLiteral("Round trip of a 'size'-byte UDP datagram over 127.0.0.1 to an echo thread and back "
                       "(blocking sockets): the latency floor of local request/response traffic");
    info.operation = QStringLiteral("round trip");
    info.parameters = {{QStringLiteral("size"), QStringLiteral("64B")}};
    registry.add(WorkloadFactory{info, [info](const QVariantMap& parameters) {
                                     return std::make_unique<LoopbackWorkload>(withParameters(info, parameters));
                                 }});
}

} // namespace crucible::workloads::sys
