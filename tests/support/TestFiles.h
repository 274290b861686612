#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

// Writes `bytes` to `path` (created or replaced) for a test's input, and returns the path. A
// file a test cannot even write leaves nothing to test: it stops the test program, naming it.
inline QString writeTestFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}
