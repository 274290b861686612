#include "ReportFiles.h"

#include "BencherJson.h"
#include "JunitXml.h"
#include "ReportFormats.h"
#include "TextReports.h"
#include "interop/GbenchWriter.h"
#include "interop/ResultsJson.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

#include <algorithm>

namespace crucible {

Expected<void> writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    const auto failed = [&](const QSaveFile& file) {
        return Error::internal(QStringLiteral("cannot write '%1': %2").arg(path, file.errorString()));
    };
    QSaveFile file(path);
    // Unbuffered, and written until a write fails: a disk that fills up takes part of a write
    // without an error, and only the next one fails with the cause ("No space left on device").
    // Buffered, the failure surfaced in commit(), whose close() had cleared it: "Unknown error".
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return failed(file);
    for (qint64 done = 0; done < bytes.size();) {
        const qint64 n = file.write(bytes.constData() + done, bytes.size() - done);
        if (n <= 0)
            return failed(file); // the temporary file is removed with `file`
        done += n;
    }
    if (!file.commit())
        return failed(file);
    return {};
}

namespace {
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

Expected<void> prepareOutputDirectory(const QString& dir)
{
    if (QFileInfo(dir).exists() && !QFileInfo(dir).isDir())
        return Error::input(QStringLiteral("'%1' exists and is not a directory").arg(dir));
    if (!QDir().mkpath(dir))
        return Error::input(QStringLiteral("'%1' cannot be created").arg(dir));
    QTemporaryFile probe(QDir(dir).filePath(QStringLiteral(".crucible-write-test-XXXXXX")));
    if (!probe.open())
        return Error::input(QStringLiteral("'%1' is not writable: %2").arg(dir, probe.errorString()));
    return {};
}

Expected<QStringList> writeReportFiles(const RunResult& run, const QString& dir, const QStringList& formats,
                                       const ExternalReports& external, const ReportOptions& options)
{
    const QDir out(dir);
    QStringList written;
    std::optional<Error> failed; // the first file not written; nothing after it is tried
    auto write = [&](const QString& name, const QByteArray& bytes) {
        if (failed)
            return;
        if (const Expected<void> done = writeFileAtomically(out.filePath(name), bytes); !done)
            failed = done.error();
        else
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
    if (formats.contains(QLatin1String("junit")))
        write(QStringLiteral("junit.xml"), junitXml(run));
    if (formats.contains(QLatin1String("bmf")))
        write(QStringLiteral("bmf.json"), bencherMetricJson(run));
    for (const QString& format : formats) {
        if (failed)
            return *failed;
        if (isEngineFormat(format))
            continue;
        const ExternalReport* report = findExternal(external, format);
        if (!report)
            return Error::internal(QStringLiteral("this build cannot write the format \"%1\"").arg(format));
        const Expected<QByteArray> bytes = report->render(run, options);
        if (!bytes)
            return bytes.error().prefixed(QStringLiteral("cannot write '%1': ").arg(out.filePath(report->fileName)));
        write(report->fileName, *bytes);
    }
    if (failed)
        return *failed;
    return written;
}

} // namespace crucible
