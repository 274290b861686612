#include "EnvironmentJson.h"

namespace crucible {

namespace {

template <typename T>
QJsonValue orNull(const std::optional<T>& value)
{
    if (!value)
        return QJsonValue();
    if constexpr (std::is_same_v<T, qint64>)
        return QJsonValue(double(*value)); // kHz fit a double exactly
    else
        return QJsonValue(*value);
}

QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue loadToJson(const std::optional<LoadAverage>& load)
{
    return load ? QJsonValue(QJsonArray{load->one, load->five, load->fifteen}) : QJsonValue();
}

std::optional<QString> optionalText(const QJsonValue& v)
{
    return v.isString() ? std::optional<QString>(v.toString()) : std::nullopt;
}

std::optional<double> optionalDouble(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

std::optional<int> optionalInt(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<int>(v.toInt()) : std::nullopt;
}

std::optional<qint64> optionalInt64(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<qint64>(qint64(v.toDouble())) : std::nullopt;
}

std::optional<bool> optionalBool(const QJsonValue& v)
{
    return v.isBool() ? std::optional<bool>(v.toBool()) : std::nullopt;
}

std::optional<LoadAverage> optionalLoad(const QJsonValue& v)
{
    const QJsonArray a = v.toArray();
    if (a.size() != 3)
        return std::nullopt;
    return LoadAverage{a.at(0).toDouble(), a.at(1).toDouble(), a.at(2).toDouble()};
}

} // namespace

QJsonObject environmentToJson(const RunEnvironment& e)
{
    QJsonArray libraries;
    for (const GbenchLibrary& lib : e.gbenchLibraries)
        libraries.append(QJsonObject{{QStringLiteral("executable"), lib.executable},
                                     {QStringLiteral("library_build_type"), lib.buildType}});
    return QJsonObject{
        {QStringLiteral("virtualization"), orNull(e.virtualization)},
        {QStringLiteral("cpu_model"), textOrNull(e.cpuModel)},
        {QStringLiteral("online_cpus"), orNull(e.onlineCpus)},
        {QStringLiteral("scaling_driver"), textOrNull(e.scalingDriver)},
        {QStringLiteral("governors"), QJsonArray::fromStringList(e.governors)},
        {QStringLiteral("scaling_min_khz"), orNull(e.scalingMinKhz)},
        {QStringLiteral("scaling_max_khz"), orNull(e.scalingMaxKhz)},
        {QStringLiteral("current_khz"), orNull(e.currentKhz)},
        {QStringLiteral("turbo"), orNull(e.turbo)},
        {QStringLiteral("smt_control"), textOrNull(e.smtControl)},
        {QStringLiteral("smt_active"), orNull(e.smtActive)},
        {QStringLiteral("aslr"), orNull(e.aslr)},
        {QStringLiteral("aslr_off_for_process"), orNull(e.aslrOffForProcess)},
        {QStringLiteral("perf_event_paranoid"), orNull(e.perfEventParanoid)},
        {QStringLiteral("isolated_cpus"), orNull(e.isolatedCpus)},
        {QStringLiteral("nohz_full_cpus"), orNull(e.nohzFullCpus)},
        {QStringLiteral("on_ac_power"), orNull(e.onAcPower)},
        {QStringLiteral("load_before"), loadToJson(e.loadBefore)},
        {QStringLiteral("load_after"), loadToJson(e.loadAfter)},
        {QStringLiteral("runnable_before"), orNull(e.runnableBefore)},
        {QStringLiteral("runnable_samples"), e.runnableSamples},
        {QStringLiteral("runnable_mean"), orNull(e.runnableMean)},
        {QStringLiteral("runnable_max"), orNull(e.runnableMax)},
        {QStringLiteral("others_cpu"), orNull(e.othersCpu)},
        {QStringLiteral("steal_pct"), orNull(e.stealPct)},
        {QStringLiteral("sampled_s"), orNull(e.sampledSeconds)},
        {QStringLiteral("build_type"), textOrNull(e.buildType)},
        {QStringLiteral("optimized"), orNull(e.optimized)},
        {QStringLiteral("assertions"), orNull(e.assertions)},
        {QStringLiteral("gbench_libraries"), libraries},
    };
}

QJsonArray environmentWarningsToJson(const std::vector<EnvironmentWarning>& warnings)
{
    QJsonArray array;
    for (const EnvironmentWarning& w : warnings)
        array.append(QJsonObject{{QStringLiteral("key"), w.key}, {QStringLiteral("message"), w.message}});
    return array;
}

RunEnvironment environmentFromJson(const QJsonObject& o, const QJsonArray& warnings)
{
    RunEnvironment e;
    auto v = [&](const char* key) { return o.value(QLatin1String(key)); };
    e.virtualization = optionalText(v("virtualization"));
    e.cpuModel = v("cpu_model").toString();
    e.onlineCpus = optionalInt(v("online_cpus"));
    e.scalingDriver = v("scaling_driver").toString();
    for (const auto& g : v("governors").toArray())
        e.governors << g.toString();
    e.scalingMinKhz = optionalInt64(v("scaling_min_khz"));
    e.scalingMaxKhz = optionalInt64(v("scaling_max_khz"));
    e.currentKhz = optionalInt64(v("current_khz"));
    e.turbo = optionalBool(v("turbo"));
    e.smtControl = v("smt_control").toString();
    e.smtActive = optionalBool(v("smt_active"));
    e.aslr = optionalInt(v("aslr"));
    e.aslrOffForProcess = optionalBool(v("aslr_off_for_process"));
    e.perfEventParanoid = optionalInt(v("perf_event_paranoid"));
    e.isolatedCpus = optionalText(v("isolated_cpus"));
    e.nohzFullCpus = optionalText(v("nohz_full_cpus"));
    e.onAcPower = optionalBool(v("on_ac_power"));
    e.loadBefore = optionalLoad(v("load_before"));
    e.loadAfter = optionalLoad(v("load_after"));
    e.runnableBefore = optionalInt(v("runnable_before"));
    e.runnableSamples = v("runnable_samples").toInt();
    e.runnableMean = optionalDouble(v("runnable_mean"));
    e.runnableMax = optionalInt(v("runnable_max"));
    e.othersCpu = optionalDouble(v("others_cpu"));
    e.stealPct = optionalDouble(v("steal_pct"));
    e.sampledSeconds = optionalDouble(v("sampled_s"));
    e.buildType = v("build_type").toString();
    e.optimized = optionalBool(v("optimized"));
    e.assertions = optionalBool(v("assertions"));
    for (const auto& lib : v("gbench_libraries").toArray()) {
        const QJsonObject l = lib.toObject();
        e.gbenchLibraries.push_back({l.value(QStringLiteral("executable")).toString(),
                                     l.value(QStringLiteral("library_build_type")).toString()});
    }
    // The warnings as they were judged when the run was recorded, not judged again: what a
    // reader saw then stays what the file says.
    for (const auto& w : warnings) {
        const QJsonObject wo = w.toObject();
        e.warnings.push_back(
            {wo.value(QStringLiteral("key")).toString(), wo.value(QStringLiteral("message")).toString()});
    }
    return e;
}

} // namespace crucible
