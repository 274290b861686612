#include "GbenchWriter.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSysInfo>

#include <map>

namespace crucible {

namespace {

// Google Benchmark writes "2026-11-27T00:39:07+00:00" (Qt::ISODate would write "Z" for UTC).
QString gbenchDate(const QDateTime& when)
{
    if (!when.isValid())
        return {};
    const int offset = when.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    return when.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
        + QStringLiteral("%1%2:%3")
              .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
              .arg(minutes / 60, 2, 10, QLatin1Char('0'))
              .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString executable()
{
    return QCoreApplication::instance() ? QCoreApplication::applicationFilePath() : QStringLiteral("crucible-bench");
}

QJsonObject context(const RunInfo& info, const GbenchMachine& machine)
{
    return QJsonObject{
        {QStringLiteral("date"), gbenchDate(info.started)},
        {QStringLiteral("host_name"), info.host},
        {QStringLiteral("executable"), executable()},
        {QStringLiteral("num_cpus"), info.cpuCount},
        {QStringLiteral("mhz_per_cpu"), machine.mhzPerCpu},
        {QStringLiteral("cpu_scaling_enabled"), machine.cpuScalingEnabled},
        {QStringLiteral("caches"), machine.caches},
        {QStringLiteral("load_avg"), machine.loadAvg},
#ifdef NDEBUG
        {QStringLiteral("library_build_type"), QStringLiteral("release")},
#else
        {QStringLiteral("library_build_type"), QStringLiteral("debug")},
#endif
    };
}

// The part of a row every row shares. A workload id's part before the first '/' is its family
// (system.file_write/size=4KiB and /size=1MiB are instances of one family), as a benchmark's
// arguments are in Google Benchmark.
struct RowHead {
    QString runName;
    int familyIndex = 0;
    int instanceIndex = 0;
    qsizetype repetitions = 0;
};

QJsonObject row(const RowHead& head, const QString& name, const char* runType)
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("family_index"), head.familyIndex},
        {QStringLiteral("per_family_instance_index"), head.instanceIndex},
        {QStringLiteral("run_name"), head.runName},
        {QStringLiteral("run_type"), QLatin1String(runType)},
        {QStringLiteral("repetitions"), double(head.repetitions)},
        {QStringLiteral("threads"), 1},
    };
}

void appendAggregates(QJsonArray& rows, const RowHead& head, const std::vector<double>& real,
                      const std::vector<double>& cpu)
{
    struct Statistic {
        const char* name;
        const char* unit;
        double (*of)(std::span<const double>);
    };
    // As Google Benchmark computes them: the sample standard deviation, and cv as a fraction.
    static const Statistic statistics[] = {
        {"mean", "time", &stats::mean},
        {"median", "time", &stats::median},
        {"stddev", "time", &stats::stddev},
        {"cv", "percentage",
         [](std::span<const double> v) { return stats::mean(v) != 0 ? stats::stddev(v) / stats::mean(v) : 0.0; }},
    };
    for (const Statistic& s : statistics) {
        QJsonObject o = row(head, head.runName + QLatin1Char('_') + QLatin1String(s.name), "aggregate");
        o.insert(QStringLiteral("aggregate_name"), QLatin1String(s.name));
        o.insert(QStringLiteral("aggregate_unit"), QLatin1String(s.unit));
        o.insert(QStringLiteral("iterations"), double(head.repetitions));
        o.insert(QStringLiteral("real_time"), s.of(real));
        o.insert(QStringLiteral("cpu_time"), s.of(cpu));
        o.insert(QStringLiteral("time_unit"), QStringLiteral("ns"));
        rows.append(o);
    }
}

} // namespace

QJsonObject runToGbenchJson(const RunResult& run, const GbenchMachine& machine)
{
    QJsonArray rows;
    std::map<QString, std::pair<int, int>> families; // family → its index, instances so far
    for (const Result& r : run.results) {
        // Google Benchmark's rows are times: workloads measured in other units (bytes) have no
        // place in them, and a result that is neither failed nor measured has nothing to say.
        if (r.info.unit != QLatin1String("ns") || (r.status == Status::Ok && r.samples.empty()))
            continue;
        const QString family = r.info.id.section(QLatin1Char('/'), 0, 0);
        auto [it, isNew] = families.try_emplace(family, int(families.size()), 0);
        RowHead head{r.info.id, it->second.first, it->second.second++, 0};
        if (r.status != Status::Ok) {
            // SkipWithError's shape: one row flagged with the message, its times zero.
            head.repetitions = 1;
            QJsonObject o = row(head, r.info.id, "iteration");
            o.insert(QStringLiteral("repetition_index"), 0);
            o.insert(QStringLiteral("error_occurred"), true);
            o.insert(QStringLiteral("error_message"), r.error.isEmpty() ? statusName(r.status) : r.error);
            o.insert(QStringLiteral("iterations"), 0);
            o.insert(QStringLiteral("real_time"), 0.0);
            o.insert(QStringLiteral("cpu_time"), 0.0);
            o.insert(QStringLiteral("time_unit"), QStringLiteral("ns"));
            rows.append(o);
            continue;
        }
        // Each sample is one repetition: its iterations, and its times per iteration.
        head.repetitions = qsizetype(r.samples.size());
        std::vector<double> real;
        std::vector<double> cpu;
        for (std::size_t i = 0; i < r.samples.size(); ++i) {
            const Sample& s = r.samples[i];
            real.push_back(s.perIterationNs());
            cpu.push_back(s.iterations ? s.cpuNs / double(s.iterations) : 0.0);
            QJsonObject o = row(head, r.info.id, "iteration");
            o.insert(QStringLiteral("repetition_index"), double(i));
            o.insert(QStringLiteral("iterations"), double(s.iterations));
            o.insert(QStringLiteral("real_time"), real.back());
            o.insert(QStringLiteral("cpu_time"), cpu.back());
            o.insert(QStringLiteral("time_unit"), QStringLiteral("ns"));
            rows.append(o);
        }
        if (r.samples.size() > 1)
            appendAggregates(rows, head, real, cpu);
    }
    return QJsonObject{{QStringLiteral("context"), context(run.info, machine)}, {QStringLiteral("benchmarks"), rows}};
}

QByteArray runToGbenchJsonBytes(const RunResult& run)
{
    const bool here = run.info.host.isEmpty() || run.info.host == QSysInfo::machineHostName();
    return QJsonDocument(runToGbenchJson(run, here ? describeThisMachine() : GbenchMachine{}))
        .toJson(QJsonDocument::Indented);
}

} // namespace crucible
