#include "ReportFiles.h"

#include "ResultsJson.h"
#include "TextReports.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

namespace crucible {

namespace {
bool writeFile(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("cannot write '%1': %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
} // namespace

bool prepareOutputDirectory(const QString& dir, QString* error)
{
    if (QFileInfo(dir).exists() && !QFileInfo(dir).isDir()) {
        *error = QStringLiteral("'%1' exists and is not a directory").arg(dir);
        return false;
    }
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("'%1' cannot be created").arg(dir);
        return false;
    }
    QTemporaryFile probe(QDir(dir).filePath(QStringLiteral(".crucible-write-test-XXXXXX")));
    if (!probe.open()) {
        *error = QStringLiteral("'%1' is not writable: %2").arg(dir, probe.errorString());
        return false;
    }
    return true;
}

QStringList writeReportFiles(const RunResult& run, const QString& dir, const QStringList& formats, QString* error)
{
    const QDir out(dir);
    QStringList written;
    auto write = [&](const QString& name, const QByteArray& bytes) {
        if (!error->isEmpty() || !writeFile(out.filePath(name), bytes, error))
            return;
        written << name;
    };
    if (formats.contains(QLatin1String("json")))
        write(QStringLiteral("results.json"), runToJsonBytes(run));
    if (formats.contains(QLatin1String("csv"))) {
        write(QStringLiteral("summary.csv"), summaryCsv(run));
        write(QStringLiteral("samples.csv"), samplesCsv(run));
    }
    if (formats.contains(QLatin1String("md")))
        write(QStringLiteral("summary.md"), summaryMarkdown(run));
    return written;
}

} // namespace crucible
