#include "BencherJson.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <optional>

namespace crucible {

namespace {

QJsonObject metric(double value, std::optional<stats::Interval> bounds = std::nullopt)
{
    QJsonObject m{{QStringLiteral("value"), value}};
    // Bounds only when they are real numbers around the value: an interval the bootstrap could
    // not compute (one sample) would be a false precision.
    if (bounds && std::isfinite(bounds->low) && std::isfinite(bounds->high) && bounds->low <= value
        && value <= bounds->high) {
        m.insert(QStringLiteral("lower_value"), bounds->low);
        m.insert(QStringLiteral("upper_value"), bounds->high);
    }
    return m;
}

} // namespace

QByteArray bencherMetricJson(const RunResult& run)
{
    QJsonObject benchmarks;
    for (const Result& r : run.results) {
        const stats::Summary& s = r.summary;
        if (r.status != Status::Ok || r.samples.empty() || !std::isfinite(s.median))
            continue;
        QJsonObject measures;
        if (r.info.unit == QLatin1String("ns")) {
            measures.insert(QStringLiteral("latency"), metric(s.median, s.ci95));
            if (r.throughputPerS > 0 && std::isfinite(r.throughputPerS))
                measures.insert(QStringLiteral("throughput"), metric(r.throughputPerS));
        } else {
            measures.insert(r.info.unit, metric(s.median, s.ci95));
        }
        benchmarks.insert(r.info.id, measures);
    }
    return QJsonDocument(benchmarks).toJson(QJsonDocument::Indented);
}

} // namespace crucible
