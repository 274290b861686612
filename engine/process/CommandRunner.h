#pragma once

#include "Result.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <stop_token>

namespace crucible {

// One external command, as a suite file describes it (SPEC.md "Suite file").
struct CommandSpec {
    QStringList argv;                    // argv[0] is looked up in PATH; never run through a shell
    QString workingDirectory;            // empty: the current directory
    QMap<QString, QString> environment;  // added to (and overriding) the inherited environment
    double timeoutSeconds = 0;           // 0: no timeout
    std::optional<int> expectedExit = 0; // nullopt: any exit code is accepted
    // Standard streams; empty means /dev/null, so that a chatty command's output costs nothing
    // and never blocks on a full pipe. Output files are created or truncated.
    QString stdinPath;
    QString stdoutPath;
    QString stderrPath;
    // true: the child's own peak is read at the moment it exits (the child is traced with
    // ptrace just for that stop); false, or where the kernel refuses tracing, or for a setuid
    // or file-capability program: /proc is polled every 2 ms while it runs, which can miss a
    // peak reached in its last milliseconds.
    bool exactPeakMemory = true;
};

// What one execution of a command did.
struct CommandOutcome {
    Status status = Status::Ok; // ok, failed (unexpected exit code), timeout, crashed (signal)
    QString error;              // e.g. "exit code 3", "killed by SIGSEGV", "timed out after 2 s"
    int exitCode = -1;
    int signal = 0;
    double wallNs = 0; // from just before spawn to reaping
    double userNs = 0; // of the child and its waited-for descendants (wait4 rusage)
    double sysNs = 0;
    std::int64_t peakRssBytes = 0; // the child's own peak (VmHWM), not inherited from this process
    bool stopped = false;          // a stop request ended it (status failed)
    qint64 pid = 0;                // the child's pid, which was also its process group id; 0 if none
};

// Runs a command to completion without a shell (posix_spawn/fork+exec), in its own process
// group. On timeout or when `stop` is requested, the whole group gets SIGTERM, a short grace,
// then SIGKILL; nothing outlives the call.
CommandOutcome runCommand(const CommandSpec& spec, std::stop_token stop = {});

} // namespace crucible
