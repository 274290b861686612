#include "ReportFiles.h"

#include "TextReports.h"
#include "interop/GbenchWriter.h"
#include "interop/ResultsJson.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

#include <algorithm>

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

bool isEngineFormat(const QString& format)
{
    return format == QLatin1String("json") || format == QLatin1String("csv") || format == QLatin1String("md")
        || format == QLatin1String("gbench");
}

const ExternalReport* findExternal(const ExternalReports& external, const QString& format)
{
    const auto it =
        std::find_if(external.begin(), external.end(), [&](const ExternalReport& r) { return r.format == format; });
    return it == external.end() ? nullptr : &*it;
}
} // namespace

QString formatWithoutWriter(const QStringList& formats, const ExternalReports& external)
{
    for (const QString& format : formats)
        if (!isEngineFormat(format) && !findExternal(external, format))
            return format;
    return {};
}

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

QStringList writeReportFiles(const RunResult& run, const QString& dir, const QStringList& formats, QString* error,
                             const ExternalReports& external, const ReportOptions& options)
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
    if (formats.contains(QLatin1String("gbench")))
        write(QStringLiteral("gbench.json"), runToGbenchJsonBytes(run));
    for (const QString& format : formats) {
        if (!error->isEmpty() || isEngineFormat(format))
            continue;
        const ExternalReport* report = findExternal(external, format);
        if (!report) {
            *error = QStringLiteral("this build cannot write the format \"%1\"").arg(format);
            break;
        }
        QString renderError;
        const std::optional<QByteArray> bytes = report->render(run, options, &renderError);
        if (!bytes) {
            *error = QStringLiteral("cannot write '%1': %2").arg(out.filePath(report->fileName), renderError);
            break;
        }
        write(report->fileName, *bytes);
    }
    return written;
}

} // namespace crucible
