#include "GbenchJson.h"

#include "ForeignJson.h"

#include <QFileInfo>

#include <algorithm>
#include <map>

namespace crucible {

using interop::nonNegative;
using interop::text;
using interop::wholeNumber;
using suite::Node;

namespace {

constexpr std::pair<const char*, double> kTimeUnits[] = {{"ns", 1.0}, {"us", 1e3}, {"ms", 1e6}, {"s", 1e9}};

double nanosecondsPer(const Node& timeUnit)
{
    const QString unit = text(timeUnit);
    for (const auto& [name, ns] : kTimeUnits)
        if (unit == QLatin1String(name))
            return ns;
    timeUnit.fail(QStringLiteral("expected one of ns, us, ms, s, got %1").arg(suite::describeValue(timeUnit.value())));
}

// Google Benchmark's context block. Only what RunInfo has a place for is kept (SPEC.md
// "Google Benchmark JSON"); each key is optional, as older versions lack some, but a key that
// is there must have the right type.
RunInfo readContext(const Node& context, const QString& fileName)
{
    context.object();
    RunInfo info;
    const QString executable =
        context.has(QStringLiteral("executable")) ? text(context[QStringLiteral("executable")]) : QString();
    // The executable names the suite, so that runs of one benchmark binary trend together
    // however it was invoked (./gb, build/gb, /abs/path/gb).
    info.suiteName = !executable.isEmpty() ? QFileInfo(executable).fileName() : QFileInfo(fileName).completeBaseName();
    if (context.has(QStringLiteral("date"))) {
        // ISO 8601 since Google Benchmark 1.5; older versions wrote a locale-dependent date,
        // which is left unread rather than guessed.
        info.started = QDateTime::fromString(text(context[QStringLiteral("date")]), Qt::ISODate);
        info.finished = info.started;
    }
    if (context.has(QStringLiteral("host_name")))
        info.host = text(context[QStringLiteral("host_name")]);
    if (context.has(QStringLiteral("num_cpus")))
        info.cpuCount = int(std::min<std::uint64_t>(wholeNumber(context[QStringLiteral("num_cpus")], 0), 1'000'000));
    if (context.has(QStringLiteral("mhz_per_cpu")))
        info.cpu = QStringLiteral("%1 MHz").arg(nonNegative(context[QStringLiteral("mhz_per_cpu")]), 0, 'g', 10);
    QString build;
    if (context.has(QStringLiteral("library_build_type")))
        build = text(context[QStringLiteral("library_build_type")]);
    info.toolVersion = build.isEmpty() ? QStringLiteral("Google Benchmark")
                                       : QStringLiteral("Google Benchmark (%1 build of the library)").arg(build);
    return info;
}

bool isAggregate(const Node& row)
{
    if (row.has(QStringLiteral("run_type"))) {
        const Node runType = row[QStringLiteral("run_type")];
        const QString type = text(runType);
        if (type != QLatin1String("iteration") && type != QLatin1String("aggregate"))
            runType.fail(QStringLiteral("expected \"iteration\" or \"aggregate\", got %1")
                             .arg(suite::describeValue(runType.value())));
        return type == QLatin1String("aggregate");
    }
    return row.has(QStringLiteral("aggregate_name")); // before run_type existed
}

WorkloadInfo benchmarkInfo(const QString& runName, const RunInfo& run)
{
    WorkloadInfo info;
    info.id = runName;
    info.category = Category::External;
    info.description = QStringLiteral("Google Benchmark %1 of %2").arg(runName, run.suiteName);
    info.unit = QStringLiteral("ns");
    info.operation = QStringLiteral("iteration");
    return info;
}

struct Group {
    Result result;
    bool hasIterationRows = false;
    QString summaryPath; // key path of its first mean/median/... row, for the message
};

RunResult readBenchmarks(const Node& root, const QString& fileName)
{
    RunResult run;
    run.info = readContext(root.required(QStringLiteral("context")), fileName);
    const Node benchmarks = root.required(QStringLiteral("benchmarks"));
    benchmarks.array();
    if (benchmarks.size() == 0)
        benchmarks.fail(QStringLiteral("no benchmarks (an empty array)"));

    std::vector<Group> groups; // in the order of the file
    std::map<QString, std::size_t> groupOf;
    std::uint64_t repetitions = 1;
    for (qsizetype i = 0; i < benchmarks.size(); ++i) {
        const Node row = benchmarks[i];
        row.object();
        const QString name = row.required(QStringLiteral("name")).string();
        // run_name (1.5+) groups the repetitions and aggregates of one benchmark; before it, a
        // benchmark's iteration rows carried its name.
        const QString runName = row.has(QStringLiteral("run_name")) ? row[QStringLiteral("run_name")].string() : name;
        const bool aggregate = isAggregate(row);
        auto [it, isNew] = groupOf.try_emplace(runName, groups.size());
        if (isNew) {
            groups.emplace_back();
            groups.back().result.info = benchmarkInfo(runName, run.info);
        }
        Group& group = groups[it->second];
        if (aggregate) {
            // mean, median, stddev, cv (and BigO, RMS of a complexity family): derived from the
            // repetitions, which are recomputed from the samples, so not samples themselves.
            const QString statistic =
                row.has(QStringLiteral("aggregate_name")) ? text(row[QStringLiteral("aggregate_name")]) : QString();
            if (statistic != QLatin1String("BigO") && statistic != QLatin1String("RMS") && group.summaryPath.isEmpty())
                group.summaryPath = row.path();
            continue;
        }
        group.hasIterationRows = true;
        if (row.has(QStringLiteral("repetitions")))
            repetitions = std::max(repetitions, wholeNumber(row[QStringLiteral("repetitions")], 1));
        if (row.has(QStringLiteral("error_occurred"))) {
            const Node failed = row[QStringLiteral("error_occurred")];
            if (!failed.value().isBool())
                failed.fail(QStringLiteral("expected true or false, got %1").arg(suite::describeValue(failed.value())));
            if (failed.value().toBool()) {
                // SkipWithError: the row's times are meaningless (zero), the message is the point.
                group.result.status = Status::Failed;
                group.result.error = row.has(QStringLiteral("error_message"))
                    ? text(row[QStringLiteral("error_message")])
                    : QStringLiteral("the benchmark reported an error");
                continue;
            }
        }
        const std::uint64_t iterations = wholeNumber(row.required(QStringLiteral("iterations")), 1);
        const double nsPerUnit = nanosecondsPer(row.required(QStringLiteral("time_unit")));
        const Node realNode = row.required(QStringLiteral("real_time"));
        const Node cpuNode = row.required(QStringLiteral("cpu_time"));
        Sample sample;
        sample.iterations = iterations;
        // real_time and cpu_time are per iteration; a Sample holds the batch's totals.
        sample.elapsedNs = interop::finiteNanoseconds(realNode, nonNegative(realNode) * nsPerUnit * double(iterations));
        sample.cpuNs = interop::finiteNanoseconds(cpuNode, nonNegative(cpuNode) * nsPerUnit * double(iterations));
        group.result.samples.push_back(sample);
    }

    for (Group& group : groups) {
        if (!group.hasIterationRows) {
            // A complexity family's BigO/RMS rows stand for no benchmark of their own; but
            // mean/median rows without their repetitions mean the samples were left out.
            if (!group.summaryPath.isEmpty())
                Node(QJsonValue(), group.summaryPath)
                    .fail(QStringLiteral("\"%1\" has only aggregate rows (mean, median, ...): run it without "
                                         "--benchmark_report_aggregates_only to keep each repetition as a sample")
                              .arg(group.result.info.id));
            continue;
        }
        computeStatistics(group.result);
        run.results.push_back(std::move(group.result));
    }
    if (run.results.empty())
        benchmarks.fail(QStringLiteral("no benchmark runs (only aggregate rows)"));
    run.info.sampleCount = int(std::min<std::uint64_t>(repetitions, 1'000'000));
    return run;
}

} // namespace

Expected<RunResult> parseGbenchJson(const QByteArray& bytes, const QString& fileName)
{
    return interop::readForeignJson(bytes, fileName, [&](const Node& root) { return readBenchmarks(root, fileName); });
}

bool looksLikeGbenchJson(const QJsonObject& root)
{
    return !root.contains(QStringLiteral("schema"))
        && (root.contains(QStringLiteral("benchmarks")) || root.contains(QStringLiteral("context")));
}

} // namespace crucible
