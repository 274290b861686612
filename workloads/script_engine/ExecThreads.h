#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace crucible::workloads::script_engine {

// N threads, each with its own script VM holding the simple, medium and complex tools, that
// run one batch of tool calls on command. A QJSEngine must not be shared across threads, so
// concurrency in a tool host means one VM per thread, as here.
class ExecThreads {
public:
    // Starts the threads and returns once every one has built its VM and loaded its tools.
    // Throws std::runtime_error (after joining them) when any thread could not.
    explicit ExecThreads(int threadCount);
    ~ExecThreads(); // stops and joins every thread
    ExecThreads(const ExecThreads&) = delete;
    ExecThreads& operator=(const ExecThreads&) = delete;

    // Every thread calls each of its tools once; returns when all threads are done. Throws
    // std::runtime_error when a tool call failed on any thread.
    void runBatch();

    // Tool calls each thread makes per batch.
    static constexpr int kCallsPerThread = 3;

private:
    void threadMain();
    void finish(const std::string& error);
    void stopAndJoin();

    std::mutex m_mutex;
    std::condition_variable m_wake; // threads wait here for a new batch or the quit flag
    std::condition_variable m_done; // the caller waits here for the batch to finish
    std::uint64_t m_batch = 0;
    int m_pending = 0; // threads still busy with the batch (or still starting)
    bool m_quit = false;
    std::string m_error;
    std::vector<std::thread> m_threads;
};

} // namespace crucible::workloads::script_engine
