#include "SuiteFile.h"

#include "JsonNode.h"
#include "JsonSyntax.h"
#include "SuiteEntries.h"
#include "WorkloadRegistry.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>
#include <map>

namespace crucible {

using suite::Invalid;
using suite::Node;

namespace {

SuiteDefaults readDefaults(const Node& node)
{
    node.allowOnly({"warm_up_s", "measurement_s", "samples", "rounds", "timeout_s"});
    SuiteDefaults d;
    if (node.has(QStringLiteral("warm_up_s")))
        d.warmUpSeconds = node[QStringLiteral("warm_up_s")].number(0, 86400);
    if (node.has(QStringLiteral("measurement_s")))
        d.measurementSeconds = node[QStringLiteral("measurement_s")].number(0.001, 86400);
    if (node.has(QStringLiteral("samples")))
        d.samples = node[QStringLiteral("samples")].integer(1, 1'000'000);
    if (node.has(QStringLiteral("rounds")))
        d.rounds = node[QStringLiteral("rounds")].integer(1, 10'000);
    if (node.has(QStringLiteral("timeout_s")))
        d.timeoutSeconds = node[QStringLiteral("timeout_s")].number(0.001, 86400);
    return d;
}

// The ids a budget or claim may name, with the unit each is measured in: each expanded id, and
// an entry's id as written, which stands for all of its parameter combinations.
using KnownIds = std::map<QString, QString>;

KnownIds knownIds(const std::vector<SuiteWorkload>& workloads)
{
    KnownIds ids;
    for (const SuiteWorkload& w : workloads) {
        ids[w.info.id] = w.info.unit;
        ids[w.baseId] = w.info.unit;
    }
    return ids;
}

QString workloadRef(const Node& node, const KnownIds& ids, bool allowStar)
{
    QString id = node.string();
    if ((allowStar && id == QLatin1String("*")) || ids.count(id))
        return id;
    node.fail(QStringLiteral("no workload \"%1\" in this suite%2")
                  .arg(id, allowStar ? QStringLiteral(" (or \"*\" for all)") : QString()));
}

// A time metric of a workload that measures a size (or the reverse) compares numbers that
// mean different things: refused, naming the unit.
void checkUnit(const Node& metric, const QString& name, const QString& workload, const KnownIds& ids)
{
    const bool wantsBytes = name == QLatin1String("median_mb");
    // Throughput is operations per second of a time per operation: it needs a time too.
    const bool isTime = name.endsWith(QLatin1String("_ms")) || name == QLatin1String("throughput_per_s");
    if (workload == QLatin1String("*")) {
        if (wantsBytes)
            metric.fail(QStringLiteral("median_mb applies to workloads measured in bytes: name one, not \"*\""));
        return;
    }
    const QString& unit = ids.at(workload);
    const bool bytes = unit == QLatin1String("bytes");
    if ((wantsBytes && !bytes) || (isTime && bytes))
        metric.fail(QStringLiteral("%1 does not fit %2, which is measured in %3").arg(name, workload, unit));
}

std::vector<Budget> readBudgets(const Node& node, const KnownIds& ids)
{
    static const QStringList metrics{QStringLiteral("median_ms"),        QStringLiteral("mean_ms"),
                                     QStringLiteral("p99_ms"),           QStringLiteral("peak_rss_mb"),
                                     QStringLiteral("throughput_per_s"), QStringLiteral("median_mb")};
    std::vector<Budget> budgets;
    node.array();
    for (qsizetype i = 0; i < node.size(); ++i) {
        const Node b = node[i];
        b.allowOnly({"workload", "metric", "max", "min"});
        Budget budget;
        budget.workload = workloadRef(b.required(QStringLiteral("workload")), ids, true);
        const Node metric = b.required(QStringLiteral("metric"));
        budget.metric = metric.string();
        if (!metrics.contains(budget.metric))
            metric.fail(QStringLiteral("unknown metric \"%1\" (known: %2)")
                            .arg(budget.metric, metrics.join(QStringLiteral(", "))));
        checkUnit(metric, budget.metric, budget.workload, ids);
        // Throughput has a floor; every other metric a ceiling.
        const bool floor = budget.metric == QLatin1String("throughput_per_s");
        const QString bound = floor ? QStringLiteral("min") : QStringLiteral("max");
        const QString wrong = floor ? QStringLiteral("max") : QStringLiteral("min");
        if (b.has(wrong))
            b[wrong].fail(QStringLiteral("%1 takes \"%2\", not \"%3\"").arg(budget.metric, bound, wrong));
        const double limit = b.required(bound).number(0, 1e15);
        (floor ? budget.min : budget.max) = limit;
        budgets.push_back(budget);
    }
    return budgets;
}

std::vector<Claim> readClaims(const Node& node, const KnownIds& ids)
{
    std::vector<Claim> claims;
    node.array();
    for (qsizetype i = 0; i < node.size(); ++i) {
        const Node c = node[i];
        c.allowOnly({"name", "baseline", "candidate", "expected_improvement_pct", "tolerance_pct"});
        Claim claim;
        claim.name = c.required(QStringLiteral("name")).string();
        claim.baseline = workloadRef(c.required(QStringLiteral("baseline")), ids, false);
        claim.candidate = workloadRef(c.required(QStringLiteral("candidate")), ids, false);
        if (claim.candidate == claim.baseline)
            c[QStringLiteral("candidate")].fail(QStringLiteral("the candidate must differ from the baseline"));
        // improvement = 1 - candidate/baseline: at most 100 %, and any slowdown below 0.
        claim.expectedImprovementPct = c.required(QStringLiteral("expected_improvement_pct")).number(-1e6, 100);
        claim.tolerancePct = c.required(QStringLiteral("tolerance_pct")).number(0, 1e6);
        claims.push_back(claim);
    }
    return claims;
}

Suite readSuite(const Node& root, const QString& fileName, const WorkloadRegistry& registry)
{
    if (!root.value().isObject())
        root.fail(
            QStringLiteral("expected a JSON object at the top level, got %1").arg(suite::describeValue(root.value())));
    root.allowOnly({"name", "defaults", "workloads", "budgets", "claims"});
    Suite s;
    s.fileName = fileName;
    s.name = root.has(QStringLiteral("name")) ? root[QStringLiteral("name")].string()
                                              : QFileInfo(fileName).completeBaseName();
    if (root.has(QStringLiteral("defaults")))
        s.defaults = readDefaults(root[QStringLiteral("defaults")]);
    s.workloads = suite::readWorkloads(root.required(QStringLiteral("workloads")), registry,
                                       s.defaults.timeoutSeconds.value_or(Suite::kDefaultTimeoutSeconds));
    const KnownIds ids = knownIds(s.workloads);
    if (root.has(QStringLiteral("budgets")))
        s.budgets = readBudgets(root[QStringLiteral("budgets")], ids);
    if (root.has(QStringLiteral("claims")))
        s.claims = readClaims(root[QStringLiteral("claims")], ids);
    return s;
}

} // namespace

SuiteParse parseSuite(const QByteArray& json, const QString& fileName, const WorkloadRegistry& registry)
{
    SuiteParse parse;
    QJsonParseError syntax{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &syntax);
    if (syntax.error != QJsonParseError::NoError) {
        parse.error = QStringLiteral("%1: %2: malformed JSON: %3")
                          .arg(fileName, jsonLineAndColumn(json, syntax.offset), syntax.errorString());
        return parse;
    }
    const QJsonValue root = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    try {
        parse.suite = readSuite(Node(root, QString()), fileName, registry);
    } catch (const Invalid& invalid) {
        parse.error = invalid.keyPath.isEmpty()
            ? QStringLiteral("%1: %2").arg(fileName, invalid.problem)
            : QStringLiteral("%1: %2: %3").arg(fileName, invalid.keyPath, invalid.problem);
    }
    return parse;
}

SuiteParse readSuiteFile(const QString& path, const WorkloadRegistry& registry)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        SuiteParse parse;
        parse.error = QStringLiteral("%1: cannot read the suite file: %2").arg(path, file.errorString());
        return parse;
    }
    return parseSuite(file.readAll(), path, registry);
}

} // namespace crucible
