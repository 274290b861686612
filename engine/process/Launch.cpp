#include "Launch.h"

#include <cerrno>
#include <csignal>
#include <memory>

#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

namespace crucible::process {

namespace {

// Shared between parent and child: with CLONE_VM the child writes into the parent's memory,
// which is how an exec failure reaches the parent without a pipe (as glibc's posix_spawn does).
struct ChildContext {
    const char* path = nullptr;
    char* const* argv = nullptr;
    char* const* envp = nullptr;
    const char* workingDirectory = nullptr;
    int fds[3] = {-1, -1, -1};
    bool trace = false;
    sigset_t changedDispositions{}; // handled or ignored here: reset to the default in the child
    // Written by the child before it execs or exits; read by the parent after the clone returns.
    volatile int error = 0;
    const char* volatile failedStep = nullptr;
    volatile bool traced = false;
};

[[noreturn]] void childFailed(ChildContext* c, const char* step)
{
    c->error = errno;
    c->failedStep = step;
    ::_exit(127);
}

// Runs in the child, on its own stack, sharing the parent's memory: system calls only.
int childMain(void* argument)
{
    auto* c = static_cast<ChildContext*>(argument);
    // Handlers of this process must not run in the child, and dispositions it ignores (SIGPIPE,
    // say) would change how the command behaves: every signal starts at its default, as in a
    // fresh process. Only those that are not at it already are reset, as glibc's posix_spawn
    // does: a sigaction for each of the 64 signals cost ~30 µs of every measured time.
    struct sigaction defaultAction { };
    defaultAction.sa_handler = SIG_DFL;
    for (int sig = 1; sig < NSIG; ++sig)
        if (sigismember(&c->changedDispositions, sig) == 1)
            ::sigaction(sig, &defaultAction, nullptr);

    // Its own group, so that a timeout or a stop can kill everything it starts.
    if (::setpgid(0, 0) != 0)
        childFailed(c, "setpgid");
    for (int target = 0; target < 3; ++target)
        if (::dup2(c->fds[target], target) < 0)
            childFailed(c, "dup2");
    // Descriptors this process opened without close-on-exec are no business of the command.
    ::close_range(3, ~0U, 0);
    if (c->workingDirectory && ::chdir(c->workingDirectory) != 0)
        childFailed(c, "chdir");
    // A signal sent to our old group before setpgid (Ctrl-C, a terminal resize) is still
    // pending: under PTRACE_TRACEME it would stop the child before exec while the parent waits
    // for that exec in vfork. Setting a pending signal to ignored discards it.
    sigset_t pending;
    sigemptyset(&pending);
    ::sigpending(&pending);
    struct sigaction ignore { };
    ignore.sa_handler = SIG_IGN;
    for (int sig = 1; sig < NSIG; ++sig) {
        if (sig != SIGKILL && sig != SIGSTOP && sigismember(&pending, sig) == 1) {
            ::sigaction(sig, &ignore, nullptr);
            ::sigaction(sig, &defaultAction, nullptr);
        }
    }
    // If the thread that waits for it dies, so does the child: nothing outlives its runner.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (c->trace)
        c->traced = ::ptrace(PTRACE_TRACEME, 0, nullptr, nullptr) == 0;

    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::execve(c->path, c->argv, c->envp);
    childFailed(c, "exec");
}

// Signals whose disposition here is not the default. Read before the timed clone; a handler
// another thread installs in between is reset by execve itself; only an ignore set by another
// thread in that window of microseconds would reach the command.
sigset_t changedDispositions()
{
    sigset_t changed;
    sigemptyset(&changed);
    for (int sig = 1; sig < NSIG; ++sig) {
        struct sigaction current { };
        // sigaction refuses SIGKILL, SIGSTOP and glibc's reserved signals: they stay out.
        if (sig != SIGKILL && sig != SIGSTOP && ::sigaction(sig, nullptr, &current) == 0
            && current.sa_handler != SIG_DFL)
            sigaddset(&changed, sig);
    }
    return changed;
}

std::vector<char*> pointersTo(const std::vector<std::string>& strings)
{
    std::vector<char*> pointers;
    pointers.reserve(strings.size() + 1);
    for (const std::string& s : strings)
        pointers.push_back(const_cast<char*>(s.c_str()));
    pointers.push_back(nullptr);
    return pointers;
}

} // namespace

Launched launch(const LaunchRequest& request)
{
    const std::vector<char*> argv = pointersTo(request.argv);
    const std::vector<char*> envp = pointersTo(request.env);
    ChildContext c;
    c.path = request.path.c_str();
    c.argv = argv.data();
    c.envp = envp.data();
    c.workingDirectory = request.workingDirectory.empty() ? nullptr : request.workingDirectory.c_str();
    c.fds[0] = request.stdinFd;
    c.fds[1] = request.stdoutFd;
    c.fds[2] = request.stderrFd;
    c.trace = request.trace;
    c.changedDispositions = changedDispositions();

    // A vfork-style clone (CLONE_VM | CLONE_VFORK), like posix_spawn: no copy of this process's
    // page tables, so starting a command costs the same whether this process is 30 MB or 3 GB,
    // and the calling thread sleeps until the child has exec'd. The child runs on a stack of
    // its own; signals stay blocked here until then so that no handler runs on shared memory.
    constexpr std::size_t kStackSize = std::size_t(64) * 1024;
    const std::unique_ptr<char[]> stack(new char[kStackSize]);
    void* stackTop = stack.get() + kStackSize; // new[] is 16-byte aligned, as is kStackSize
    sigset_t all;
    sigset_t previous;
    sigfillset(&all);
    ::pthread_sigmask(SIG_SETMASK, &all, &previous);
    Launched launched;
    launched.started = std::chrono::steady_clock::now();
    const pid_t pid = ::clone(childMain, stackTop, CLONE_VM | CLONE_VFORK | SIGCHLD, &c);
    const int cloneError = errno;
    ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);

    if (pid < 0) {
        launched.failedStep = "clone";
        launched.error = cloneError;
        return launched;
    }
    if (c.failedStep) {
        // The child has already _exit()ed; reap it so that no zombie stays behind.
        int status = 0;
        while (::waitpid(pid, &status, __WALL) < 0 && errno == EINTR) { }
        launched.failedStep = c.failedStep;
        launched.error = c.error;
        return launched;
    }
    launched.pid = pid;
    launched.traced = c.traced;
    return launched;
}

} // namespace crucible::process
