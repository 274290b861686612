#pragma once

#include "ProgramRun.h"

#include <QByteArray>
#include <QStringList>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

// The real crucible-bench run in a pseudo-terminal `columns` wide, as in a terminal window:
// stdout and stderr are the terminal (so isatty() holds and TIOCGWINSZ gives the width), and
// `out` is everything it drew, both streams in the order written, escapes and \r included.
inline ProgramRun runInPseudoTerminal(const QStringList& args, unsigned short columns)
{
    ProgramRun run;
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0)
        return run;
    const std::string slaveName = ::ptsname(master);
    winsize size{};
    size.ws_row = 40;
    size.ws_col = columns;
    std::vector<std::string> argv{CRUCIBLE_BINARY};
    for (const QString& a : args)
        argv.push_back(a.toStdString());
    std::vector<char*> argp;
    for (std::string& a : argv)
        argp.push_back(a.data());
    argp.push_back(nullptr);

    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setsid();
        const int slave = ::open(slaveName.c_str(), O_RDWR);
        if (slave < 0)
            ::_exit(127);
        ::ioctl(slave, TIOCSWINSZ, &size);
        termios mode{};
        ::tcgetattr(slave, &mode);
        mode.c_oflag &= ~tcflag_t(ONLCR); // keep "\n" as written, not "\r\n"
        ::tcsetattr(slave, TCSANOW, &mode);
        ::dup2(slave, STDIN_FILENO);
        ::dup2(slave, STDOUT_FILENO);
        ::dup2(slave, STDERR_FILENO);
        ::close(master);
        ::execv(argp[0], argp.data());
        ::_exit(127);
    }
    // Read until the terminal closes (EIO once the program and its children are gone), or for
    // two minutes at most: a program that hangs is killed and fails the test, not the test run.
    char buffer[4096];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    bool killed = false;
    for (;;) {
        pollfd ready{master, POLLIN, 0};
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || ::poll(&ready, 1, int(left.count())) == 0) {
            ::kill(pid, SIGKILL);
            killed = true;
            break;
        }
        const ssize_t n = ::read(master, buffer, sizeof buffer);
        if (n <= 0)
            break;
        run.out.append(buffer, n);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(master);
    run.exitCode = !killed && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}
