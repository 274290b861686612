#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <thread>

namespace crucible::workloads::daemon {

// A TCP server on 127.0.0.1 with its own thread, serving one connection at a time with plain
// POSIX sockets: a daemon's network endpoint with nothing between the benchmark and the
// kernel's loopback path.
class LoopbackServer {
public:
    enum class Mode {
        Echo,       // sends every byte back as it arrives
        Acknowledge // counts bytes and sends an 8-byte acknowledgement per `ackEvery` bytes
    };

    // Listens on an ephemeral port and starts the thread. Throws std::runtime_error on failure.
    LoopbackServer(Mode mode, std::size_t ackEvery = 0);
    ~LoopbackServer(); // wakes and joins the thread, closes every socket
    LoopbackServer(const LoopbackServer&) = delete;
    LoopbackServer& operator=(const LoopbackServer&) = delete;

    std::uint16_t port() const { return m_port; }

private:
    void serve();
    void serveConnection(int fd);
    // Waits until `fd` can be read; false when the destructor asked the thread to end (or
    // poll failed).
    bool waitReadable(int fd) const;

    Mode m_mode;
    std::size_t m_ackEvery;
    int m_listenFd = -1;
    int m_wakeFd = -1; // eventfd: written by the destructor to end poll() in the thread
    std::uint16_t m_port = 0;
    std::thread m_thread;
};

// The client end: a blocking TCP connection to 127.0.0.1 with Nagle's algorithm off.
class LoopbackClient {
public:
    // Throws std::runtime_error when the connection fails.
    explicit LoopbackClient(std::uint16_t port);
    ~LoopbackClient();
    LoopbackClient(const LoopbackClient&) = delete;
    LoopbackClient& operator=(const LoopbackClient&) = delete;

    // Both throw std::runtime_error when the connection fails or closes.
    void sendAll(const void* data, std::size_t size);
    void receiveAll(void* data, std::size_t size);

private:
    int m_fd = -1;
};

// Throws std::runtime_error with `what` and the text of errno.
[[noreturn]] void throwSystemError(const std::string& what);

} // namespace crucible::workloads::daemon
