#include "ResultsJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace crucible {

namespace {

QJsonArray interval(const stats::Interval& i)
{
    return QJsonArray{i.low, i.high};
}

QJsonObject baselineToJson(const BaselineComparison& b)
{
    return QJsonObject{
        {QStringLiteral("name"), b.name},
        {QStringLiteral("median"), b.median},
        {QStringLiteral("change_pct"), b.changePct},
        {QStringLiteral("ci95_pct"), interval(b.ci95Pct)},
        {QStringLiteral("p_value"), b.pValue},
        {QStringLiteral("verdict"), b.verdict},
    };
}

QJsonObject infoToJson(const RunInfo& i)
{
    return QJsonObject{
        {QStringLiteral("suite"), i.suiteName},
        {QStringLiteral("start_time"), i.started.toString(Qt::ISODateWithMs)},
        {QStringLiteral("end_time"), i.finished.toString(Qt::ISODateWithMs)},
        {QStringLiteral("host"), i.host},
        {QStringLiteral("cpu"), i.cpu},
        {QStringLiteral("cpu_count"), i.cpuCount},
        {QStringLiteral("os"), i.os},
        {QStringLiteral("kernel"), i.kernel},
        {QStringLiteral("git_commit"), i.gitCommit},
        {QStringLiteral("tool_version"), i.toolVersion},
        {QStringLiteral("settings"),
         QJsonObject{
             {QStringLiteral("warm_up_s"), i.warmUpSeconds},
             {QStringLiteral("measurement_s"), i.measurementSeconds},
             {QStringLiteral("samples"), i.sampleCount},
             {QStringLiteral("iterations"), double(i.fixedIterations)},
             {QStringLiteral("quick_check"), i.quickCheck},
         }},
    };
}

RunInfo infoFromJson(const QJsonObject& o)
{
    RunInfo i;
    i.suiteName = o.value(QStringLiteral("suite")).toString();
    i.started = QDateTime::fromString(o.value(QStringLiteral("start_time")).toString(), Qt::ISODateWithMs);
    i.finished = QDateTime::fromString(o.value(QStringLiteral("end_time")).toString(), Qt::ISODateWithMs);
    i.host = o.value(QStringLiteral("host")).toString();
    i.cpu = o.value(QStringLiteral("cpu")).toString();
    i.cpuCount = o.value(QStringLiteral("cpu_count")).toInt();
    i.os = o.value(QStringLiteral("os")).toString();
    i.kernel = o.value(QStringLiteral("kernel")).toString();
    i.gitCommit = o.value(QStringLiteral("git_commit")).toString();
    i.toolVersion = o.value(QStringLiteral("tool_version")).toString();
    const QJsonObject s = o.value(QStringLiteral("settings")).toObject();
    i.warmUpSeconds = s.value(QStringLiteral("warm_up_s")).toDouble();
    i.measurementSeconds = s.value(QStringLiteral("measurement_s")).toDouble();
    i.sampleCount = s.value(QStringLiteral("samples")).toInt();
    i.fixedIterations = std::uint64_t(s.value(QStringLiteral("iterations")).toDouble());
    i.quickCheck = s.value(QStringLiteral("quick_check")).toBool();
    return i;
}

} // namespace

QJsonObject resultToJson(const Result& r)
{
    const stats::Summary& s = r.summary;
    QJsonArray sampleValues;
    QJsonArray sampleIterations;
    QJsonArray sampleRss;
    for (const Sample& sample : r.samples) {
        sampleValues.append(sample.perIterationNs());
        sampleIterations.append(double(sample.iterations));
        sampleRss.append(double(sample.rssBytes));
    }
    QJsonObject o{
        {QStringLiteral("id"), r.info.id},
        {QStringLiteral("category"), categoryName(r.info.category)},
        {QStringLiteral("description"), r.info.description},
        {QStringLiteral("status"), statusName(r.status)},
        {QStringLiteral("error"), r.error},
        {QStringLiteral("unit"), r.info.unit},
        {QStringLiteral("operation"), r.info.operation},
        {QStringLiteral("parameters"), QJsonObject::fromVariantMap(r.info.parameters)},
        {QStringLiteral("paired_with"), r.info.pairedWith},
        {QStringLiteral("samples"), int(r.samples.size())},
        {QStringLiteral("iterations"), double(r.totalIterations())},
        {QStringLiteral("mean"), s.mean},
        {QStringLiteral("median"), s.median},
        {QStringLiteral("stddev"), s.stddev},
        {QStringLiteral("mad"), s.mad},
        {QStringLiteral("cv"), s.cv},
        {QStringLiteral("min"), s.min},
        {QStringLiteral("max"), s.max},
        {QStringLiteral("p90"), s.p90},
        {QStringLiteral("p99"), s.p99},
        {QStringLiteral("ci95"), interval(s.ci95)},
        {QStringLiteral("outliers"),
         QJsonObject{
             {QStringLiteral("low_severe"), s.outliers.lowSevere},
             {QStringLiteral("low_mild"), s.outliers.lowMild},
             {QStringLiteral("high_mild"), s.outliers.highMild},
             {QStringLiteral("high_severe"), s.outliers.highSevere},
         }},
        {QStringLiteral("throughput_per_s"), r.throughputPerS},
        {QStringLiteral("peak_rss_bytes"), double(r.peakRssBytes)},
        {QStringLiteral("user_ns"), r.userNs},
        {QStringLiteral("sys_ns"), r.sysNs},
        {QStringLiteral("sample_values"), sampleValues},
        {QStringLiteral("sample_iterations"), sampleIterations},
        {QStringLiteral("sample_rss_bytes"), sampleRss},
    };
    o.insert(QStringLiteral("baseline"), r.baseline ? QJsonValue(baselineToJson(*r.baseline)) : QJsonValue());
    return o;
}

QJsonObject runToJson(const RunResult& run)
{
    QJsonArray workloads;
    for (const Result& r : run.results)
        workloads.append(resultToJson(r));
    return QJsonObject{
        {QStringLiteral("schema"), QLatin1String(kResultsSchema)},
        {QStringLiteral("run"), infoToJson(run.info)},
        {QStringLiteral("cancelled"), run.cancelled},
        {QStringLiteral("workloads"), workloads},
        {QStringLiteral("budgets"), QJsonArray()},
        {QStringLiteral("claims"), QJsonArray()},
    };
}

QByteArray runToJsonBytes(const RunResult& run)
{
    return QJsonDocument(runToJson(run)).toJson(QJsonDocument::Indented);
}

std::optional<RunResult> runFromJson(const QByteArray& bytes, QString* error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (doc.isNull()) {
        *error = QStringLiteral("invalid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("schema")).toString() != QLatin1String(kResultsSchema)) {
        *error = QStringLiteral("key \"schema\" is not \"%1\"").arg(QLatin1String(kResultsSchema));
        return std::nullopt;
    }
    RunResult run;
    run.info = infoFromJson(root.value(QStringLiteral("run")).toObject());
    run.cancelled = root.value(QStringLiteral("cancelled")).toBool();
    for (const QJsonValue& v : root.value(QStringLiteral("workloads")).toArray()) {
        const QJsonObject o = v.toObject();
        Result r;
        r.info.id = o.value(QStringLiteral("id")).toString();
        r.info.category = categoryFromName(o.value(QStringLiteral("category")).toString()).value_or(Category::External);
        r.info.description = o.value(QStringLiteral("description")).toString();
        r.info.unit = o.value(QStringLiteral("unit")).toString();
        r.info.operation = o.value(QStringLiteral("operation")).toString();
        r.info.parameters = o.value(QStringLiteral("parameters")).toObject().toVariantMap();
        r.info.pairedWith = o.value(QStringLiteral("paired_with")).toString();
        const std::optional<Status> status = statusFromName(o.value(QStringLiteral("status")).toString());
        if (r.info.id.isEmpty() || !status) {
            *error = QStringLiteral("workload entry %1 lacks a valid \"id\" or \"status\"").arg(run.results.size());
            return std::nullopt;
        }
        r.status = *status;
        r.error = o.value(QStringLiteral("error")).toString();
        const QJsonArray values = o.value(QStringLiteral("sample_values")).toArray();
        const QJsonArray iterations = o.value(QStringLiteral("sample_iterations")).toArray();
        const QJsonArray rss = o.value(QStringLiteral("sample_rss_bytes")).toArray();
        for (qsizetype i = 0; i < values.size(); ++i) {
            Sample s;
            s.iterations = std::uint64_t(iterations.at(i).toDouble(1));
            s.elapsedNs = values.at(i).toDouble() * double(s.iterations);
            s.rssBytes = std::int64_t(rss.at(i).toDouble());
            r.samples.push_back(s);
        }
        computeStatistics(r);
        r.peakRssBytes = std::int64_t(o.value(QStringLiteral("peak_rss_bytes")).toDouble());
        r.userNs = o.value(QStringLiteral("user_ns")).toDouble();
        r.sysNs = o.value(QStringLiteral("sys_ns")).toDouble();
        run.results.push_back(std::move(r));
    }
    return run;
}

} // namespace crucible
