#include "GbenchWorkload.h"

#include "GbenchExecutable.h"
#include "WorkloadFailure.h"
#include "interop/GbenchJson.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>

#include <algorithm>
#include <stdexcept>

namespace crucible {

namespace {

// The JSON file a run writes (--benchmark_out): separate from stdout, which carries whatever
// the benchmark itself prints.
QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// User and system time of the whole process, spread over the samples by their CPU time (the
// process's time outside the repetitions, such as the warm-up, is spread with it).
void spreadProcessTimes(Samples& samples, const CommandOutcome& outcome)
{
    double cpuTotal = 0;
    for (const Sample& s : samples)
        cpuTotal += s.cpuNs;
    for (Sample& s : samples) {
        const double share = cpuTotal > 0 ? s.cpuNs / cpuTotal : 1.0 / double(samples.size());
        s.userNs = outcome.userNs * share;
        s.sysNs = outcome.sysNs * share;
        s.rssBytes = outcome.peakRssBytes;
    }
}

// The run environment reports a debug-built library (engine/RunEnvironment.h); the parser
// folds it into a tool version string, so it is read here on its own.
QString contextBuildType(const QByteArray& json)
{
    const QJsonObject context = QJsonDocument::fromJson(json).object().value(QStringLiteral("context")).toObject();
    return context.value(QStringLiteral("library_build_type")).toString();
}

} // namespace

GbenchWorkload::GbenchWorkload(WorkloadInfo info, CommandSpec executable, QString benchmarkName)
    : m_info(std::move(info)), m_executable(std::move(executable)), m_benchmarkName(std::move(benchmarkName))
{
    if (m_info.description.isEmpty())
        m_info.description = describe(m_benchmarkName, m_executable.argv.value(0));
    m_info.unit = QStringLiteral("ns");
    m_info.operation = QStringLiteral("iteration");
}

QString GbenchWorkload::describe(const QString& benchmarkName, const QString& program)
{
    return QStringLiteral("Google Benchmark %1 of %2").arg(benchmarkName, program);
}

void GbenchWorkload::run(std::uint64_t, std::stop_token)
{
    throw std::logic_error("a Google Benchmark workload is measured through measureSamples() only");
}

std::optional<Samples> GbenchWorkload::measureSamples(const MeasurementSettings& settings, std::stop_token stop)
{
    QTemporaryFile json(QDir(QDir::tempPath()).filePath(QStringLiteral("crucible-gbench-XXXXXX.json")));
    if (!json.open())
        throw WorkloadFailure(Status::Failed,
                              QStringLiteral("cannot create a temporary file in %1").arg(QDir::tempPath()));
    json.close();

    CommandSpec spec = m_executable;
    spec.argv << gbench::runFlags(m_benchmarkName, settings, json.fileName());
    if (spec.timeoutSeconds > 0)
        spec.timeoutSeconds += std::max(0.0, settings.warmUpSeconds) + std::max(0.0, settings.measurementSeconds);
    const gbench::CapturedRun run = gbench::runCaptured(spec, gbench::Stdout::Discard, stop);
    if (run.outcome.stopped)
        return std::nullopt;
    if (run.outcome.status != Status::Ok) {
        const QString complaint = gbench::lastErrorLine(run.err);
        throw WorkloadFailure(run.outcome.status,
                              complaint.isEmpty() ? run.outcome.error
                                                  : QStringLiteral("%1: %2").arg(run.outcome.error, complaint));
    }

    const QString program = m_executable.argv.value(0);
    const QByteArray output = readAll(json.fileName());
    if (output.trimmed().isEmpty()) {
        // It ran nothing: "Failed to match any benchmarks" when the benchmark is gone since the
        // suite was read (the executable was rebuilt), or a program that ignores the flags.
        const QString complaint = gbench::lastErrorLine(run.err);
        throw WorkloadFailure(
            Status::Failed,
            QStringLiteral("%1 wrote no JSON output%2")
                .arg(program, complaint.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(complaint)));
    }
    m_libraryBuildType = contextBuildType(output);
    const QString source = QStringLiteral("the JSON output of %1").arg(program);
    const Expected<RunResult> parsed = parseGbenchJson(output, source);
    if (!parsed)
        throw WorkloadFailure(Status::Failed, parsed.error().message);
    for (const Result& r : parsed->results) {
        if (r.info.id != m_benchmarkName)
            continue;
        if (r.status != Status::Ok)
            throw WorkloadFailure(r.status, r.error);
        if (r.samples.empty())
            break;
        Samples samples = r.samples;
        spreadProcessTimes(samples, run.outcome);
        return samples;
    }
    throw WorkloadFailure(Status::Failed, QStringLiteral("%1 has no repetition of %2").arg(source, m_benchmarkName));
}

} // namespace crucible
