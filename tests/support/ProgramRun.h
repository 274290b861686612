#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

// The real crucible-bench run as users run it (CRUCIBLE_BINARY is set per test target by
// tests/CMakeLists.txt): exit code (-1 when it crashed or had to be killed) and its output.
struct ProgramRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline ProgramRun runProgram(const QStringList& args,
                             const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                             int timeoutMs = 300'000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CRUCIBLE_BINARY), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}
