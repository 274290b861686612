#include "GbenchExecutable.h"

#include <QDir>
#include <QFile>
#include <QTemporaryFile>

#include <algorithm>

namespace crucible::gbench {

namespace {

// A temporary file that exists (so runCommand can open it) and is removed with this object.
class TemporaryOutput {
public:
    explicit TemporaryOutput(const QString& suffix)
        : m_file(QDir(QDir::tempPath()).filePath(QStringLiteral("crucible-gbench-XXXXXX") + suffix))
    {
        m_file.open();
        m_file.close();
    }
    bool ok() const { return !m_file.fileName().isEmpty(); }
    QString path() const { return m_file.fileName(); }
    QByteArray read() const
    {
        QFile f(m_file.fileName());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private:
    QTemporaryFile m_file;
};

QString seconds(double s)
{
    return QString::number(std::max(0.0, s), 'g', 6);
}

} // namespace

QString exactFilter(const QString& name)
{
    static const QString special = QStringLiteral(".[]{}()\\*+?^$|");
    QString escaped;
    for (const QChar c : name) {
        if (special.contains(c))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    return QLatin1Char('^') + escaped + QLatin1Char('$');
}

QStringList runFlags(const QString& name, const MeasurementSettings& settings, const QString& jsonPath)
{
    const int samples = std::max(1, settings.sampleCount);
    return {
        QStringLiteral("--benchmark_filter=") + exactFilter(name),
        QStringLiteral("--benchmark_repetitions=%1").arg(samples),
        // A plain number of seconds: what 1.7 takes, and what later versions still accept.
        QStringLiteral("--benchmark_min_time=") + seconds(settings.measurementSeconds / samples),
        QStringLiteral("--benchmark_min_warmup_time=") + seconds(settings.warmUpSeconds),
        QStringLiteral("--benchmark_report_aggregates_only=false"),
        QStringLiteral("--benchmark_out_format=json"),
        QStringLiteral("--benchmark_out=") + jsonPath,
    };
}

CapturedRun runCaptured(CommandSpec spec, Stdout stdoutMode, std::stop_token stop)
{
    const TemporaryOutput out(QStringLiteral(".out"));
    const TemporaryOutput err(QStringLiteral(".err"));
    if (!out.ok() || !err.ok()) {
        CapturedRun run;
        run.outcome.status = Status::Failed;
        run.outcome.error = QStringLiteral("cannot create a temporary file in %1").arg(QDir::tempPath());
        return run;
    }
    const bool keep = stdoutMode == Stdout::Keep;
    spec.stdoutPath = keep ? out.path() : QString(); // empty: /dev/null
    spec.stderrPath = err.path();
    CapturedRun run;
    run.outcome = runCommand(spec, std::move(stop));
    if (keep)
        run.out = out.read();
    run.err = err.read();
    return run;
}

QString lastErrorLine(const QByteArray& err)
{
    const QList<QByteArray> lines = err.split('\n');
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        const QString line = QString::fromLocal8Bit(it->trimmed());
        if (!line.isEmpty())
            return line.size() > 300 ? line.left(300) + QStringLiteral("…") : line;
    }
    return {};
}

Listing listBenchmarks(const CommandSpec& executable, const QString& filter)
{
    CommandSpec spec = executable;
    spec.argv << QStringLiteral("--benchmark_list_tests=true")
              << QStringLiteral("--benchmark_filter=") + (filter.isEmpty() ? QStringLiteral(".") : filter);
    const CapturedRun run = runCaptured(spec, Stdout::Keep);
    Listing listing;
    const QString complaint = lastErrorLine(run.err);
    if (run.outcome.status != Status::Ok) {
        listing.error = QStringLiteral("listing its benchmarks failed: %1").arg(run.outcome.error);
        if (!complaint.isEmpty())
            listing.error += QStringLiteral(" (%1)").arg(complaint);
        return listing;
    }
    listing.ran = true;
    for (const QByteArray& line : run.out.split('\n')) {
        const QString name = QString::fromUtf8(line.trimmed());
        if (!name.isEmpty())
            listing.names << name;
    }
    if (listing.names.isEmpty()) {
        listing.error = filter.isEmpty()
            ? QStringLiteral("it lists no benchmarks")
            : QStringLiteral("the filter \"%1\" matches none of its benchmarks").arg(filter);
        if (!complaint.isEmpty())
            listing.error += QStringLiteral(" (%1)").arg(complaint);
    }
    return listing;
}

} // namespace crucible::gbench
