#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

// Starting one child process for runCommand(); internal to engine/process.
namespace crucible::process {

// Everything the child needs, prepared by the parent: the child of a vfork-style clone shares
// this process's memory until it execs, so it may make system calls but must not allocate or
// take locks. Paths and strings are in the local 8-bit encoding.
struct LaunchRequest {
    std::string path;              // the executable, already looked up in PATH
    std::vector<std::string> argv; // argv[0] as the user wrote it
    std::vector<std::string> env;  // "NAME=value", the child's whole environment
    std::string workingDirectory;  // empty: this process's current directory
    int stdinFd = -1;              // opened by the parent, close-on-exec, each >= 3
    int stdoutFd = -1;
    int stderrFd = -1;
    bool trace = true; // ask to be traced (PTRACE_TRACEME) for the exit stop
};

struct Launched {
    pid_t pid = -1;                   // -1: not started; failedStep and error say why
    const char* failedStep = nullptr; // "clone", "setpgid", "chdir", "exec", ...
    int error = 0;                    // errno of that step
    bool traced = false;              // the child is traced by the calling thread
    // Taken just before the clone, after all preparation: where a command's wall time starts.
    std::chrono::steady_clock::time_point started;
};

// Starts the child in a process group of its own (group id = its pid), with default signal
// dispositions and an empty signal mask, only fds 0-2 open, SIGKILL if the calling thread dies
// (PR_SET_PDEATHSIG), and, when asked and allowed, traced by the calling thread. Returns once
// the child has exec'd (or failed to: then it has been reaped and nothing is left running).
// A traced child stops with SIGTRAP right after its exec; the caller must continue it.
Launched launch(const LaunchRequest& request);

} // namespace crucible::process
