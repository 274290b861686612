#include "LoopbackServer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace crucible::workloads::daemon {

namespace {

sockaddr_in loopbackAddress(std::uint16_t port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

// Small messages must leave at once: with Nagle's algorithm each round trip would wait for
// the delayed ACK (40 ms on Linux) instead of measuring the loopback path.
void setNoDelay(int fd)
{
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

// Writes everything, retrying short writes; false when the peer is gone.
bool writeAll(int fd, const void* data, std::size_t size)
{
    const auto* p = static_cast<const std::uint8_t*>(data);
    while (size > 0) {
        const ssize_t n = ::send(fd, p, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        size -= std::size_t(n);
    }
    return true;
}

} // namespace

void throwSystemError(const std::string& what)
{
    throw std::runtime_error(what + ": " + std::strerror(errno));
}

LoopbackServer::LoopbackServer(Mode mode, std::size_t ackEvery) : m_mode(mode), m_ackEvery(ackEvery)
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC);
    if (m_listenFd < 0 || m_wakeFd < 0) {
        const int saved = errno;
        if (m_listenFd >= 0)
            ::close(m_listenFd);
        if (m_wakeFd >= 0)
            ::close(m_wakeFd);
        errno = saved;
        throwSystemError("loopback server socket");
    }
    sockaddr_in address = loopbackAddress(0);
    socklen_t length = sizeof address;
    if (::bind(m_listenFd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(m_listenFd, 4) != 0
        || ::getsockname(m_listenFd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        const int saved = errno;
        ::close(m_listenFd);
        ::close(m_wakeFd);
        errno = saved;
        throwSystemError("loopback server listen");
    }
    m_port = ntohs(address.sin_port);
    try {
        m_thread = std::thread([this] { serve(); });
    } catch (...) {
        ::close(m_listenFd);
        ::close(m_wakeFd);
        throw;
    }
}

LoopbackServer::~LoopbackServer()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(m_wakeFd, &one, sizeof one);
    m_thread.join();
    ::close(m_listenFd);
    ::close(m_wakeFd);
}

bool LoopbackServer::waitReadable(int fd) const
{
    for (;;) {
        pollfd fds[2] = {{fd, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        return fds[1].revents == 0;
    }
}

void LoopbackServer::serve()
{
    for (;;) {
        if (!waitReadable(m_listenFd))
            return;
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        setNoDelay(fd);
        serveConnection(fd);
        ::close(fd);
    }
}

// Serves until the client closes or the server is told to stop. poll() before each read
// lets the destructor's eventfd interrupt a connection that stays open.
void LoopbackServer::serveConnection(int fd)
{
    std::vector<std::uint8_t> buffer(256 * 1024);
    std::size_t unacknowledged = 0;
    std::uint64_t total = 0;
    for (;;) {
        if (!waitReadable(fd))
            return;
        const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; // closed by the client, or broken
        if (m_mode == Mode::Echo) {
            if (!writeAll(fd, buffer.data(), std::size_t(n)))
                return;
            continue;
        }
        total += std::uint64_t(n);
        unacknowledged += std::size_t(n);
        while (m_ackEvery > 0 && unacknowledged >= m_ackEvery) {
            unacknowledged -= m_ackEvery;
            if (!writeAll(fd, &total, sizeof total))
                return;
        }
    }
}

LoopbackClient::LoopbackClient(std::uint16_t port)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        throwSystemError("loopback client socket");
    const sockaddr_in address = loopbackAddress(port);
    if (::connect(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        const int saved = errno;
        ::close(m_fd);
        errno = saved;
        throwSystemError("loopback connect");
    }
    setNoDelay(m_fd);
}

LoopbackClient::~LoopbackClient()
{
    ::close(m_fd);
}

void LoopbackClient::sendAll(const void* data, std::size_t size)
{
    if (!writeAll(m_fd, data, size))
        throwSystemError("loopback send");
}

void LoopbackClient::receiveAll(void* data, std::size_t size)
{
    auto* p = static_cast<std::uint8_t*>(data);
    while (size > 0) {
        const ssize_t n = ::recv(m_fd, p, size, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0)
            throw std::runtime_error("loopback connection closed by the server");
        if (n < 0)
            throwSystemError("loopback receive");
        p += n;
        size -= std::size_t(n);
    }
}

} // namespace crucible::workloads::daemon
