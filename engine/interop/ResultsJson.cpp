#include "ResultsJson.h"

#include "EnvironmentJson.h"
#include "JsonSyntax.h"
#include "ReferenceKernel.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace crucible {

namespace {

QJsonArray interval(const stats::Interval& i)
{
    return QJsonArray{i.low, i.high};
}

QJsonObject baselineToJson(const BaselineComparison& b)
{
    QJsonObject o{
        {QStringLiteral("name"), b.name},
        {QStringLiteral("median"), b.median},
        {QStringLiteral("change_pct"), b.changePct},
        {QStringLiteral("ci95_pct"), interval(b.ci95Pct)},
        {QStringLiteral("p_value"), b.pValue},
        {QStringLiteral("verdict"), verdictName(b.verdict)},
        {QStringLiteral("basis"), basisName(b.basis)},
        {QStringLiteral("judged_change_pct"), b.judgedChangePct},
        {QStringLiteral("relative_change_pct"), b.relativeChangePct ? QJsonValue(*b.relativeChangePct) : QJsonValue()},
        {QStringLiteral("noise_pct"), b.noisePct},
        {QStringLiteral("noise_source"), b.noiseSource},
        {QStringLiteral("baseline_runs"), b.baselineRuns},
        {QStringLiteral("dof"), b.dof},
        {QStringLiteral("run_dispersion"), b.dispersion.factor},
        {QStringLiteral("rule"), b.rule},
        {QStringLiteral("note"), b.note},
        {QStringLiteral("settings_differ"), b.settingsDiffer},
        {QStringLiteral("explanation"), b.explanation()},
    };
    if (b.confirmation)
        o.insert(QStringLiteral("confirmation"),
                 QJsonObject{{QStringLiteral("verdict"), verdictName(*b.confirmation)},
                             {QStringLiteral("change_pct"), b.confirmationChangePct},
                             {QStringLiteral("ci95_pct"), interval(b.confirmationCi95Pct)}});
    return o;
}

QJsonValue optionalNumber(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

std::optional<double> optionalNumberFrom(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

QJsonArray budgetsToJson(const std::vector<BudgetOutcome>& budgets)
{
    QJsonArray array;
    for (const BudgetOutcome& b : budgets)
        array.append(QJsonObject{
            {QStringLiteral("budget_workload"), b.budgetWorkload},
            {QStringLiteral("workload"), b.workload},
            {QStringLiteral("metric"), b.metric},
            {QStringLiteral("max"), optionalNumber(b.max)},
            {QStringLiteral("min"), optionalNumber(b.min)},
            {QStringLiteral("measured"), optionalNumber(b.measured)},
            {QStringLiteral("status"), budgetStatusName(b.status)},
            {QStringLiteral("note"), b.note},
        });
    return array;
}

QJsonArray claimsToJson(const std::vector<ClaimOutcome>& claims)
{
    QJsonArray array;
    for (const ClaimOutcome& c : claims)
        array.append(QJsonObject{
            {QStringLiteral("name"), c.name},
            {QStringLiteral("baseline"), c.baseline},
            {QStringLiteral("candidate"), c.candidate},
            {QStringLiteral("expected_improvement_pct"), c.expectedImprovementPct},
            {QStringLiteral("tolerance_pct"), c.tolerancePct},
            {QStringLiteral("baseline_median"), c.baselineMedian},
            {QStringLiteral("candidate_median"), c.candidateMedian},
            {QStringLiteral("improvement_pct"), optionalNumber(c.improvementPct)},
            {QStringLiteral("ci95_pct"), c.improvementPct ? QJsonValue(interval(c.ci95Pct)) : QJsonValue()},
            {QStringLiteral("verdict"), claimVerdictName(c.verdict)},
            {QStringLiteral("note"), c.note},
        });
    return array;
}

} // namespace

QJsonObject gatesToJson(const RunResult& run)
{
    return QJsonObject{
        {QStringLiteral("budgets"), budgetsToJson(run.budgets)},
        {QStringLiteral("claims"), claimsToJson(run.claims)},
        {QStringLiteral("confirmations"),
         [&] {
             QJsonArray confirmations;
             for (const Result& r : run.confirmations)
                 confirmations.append(resultToJson(r));
             return confirmations;
         }()},
    };
}

Expected<void> gatesFromJson(const QJsonObject& root, RunResult& run)
{
    const QJsonArray budgets = root.value(QStringLiteral("budgets")).toArray();
    for (qsizetype i = 0; i < budgets.size(); ++i) {
        const QJsonObject o = budgets.at(i).toObject();
        BudgetOutcome b;
        b.budgetWorkload = o.value(QStringLiteral("budget_workload")).toString();
        b.workload = o.value(QStringLiteral("workload")).toString();
        b.metric = o.value(QStringLiteral("metric")).toString();
        b.max = optionalNumberFrom(o.value(QStringLiteral("max")));
        b.min = optionalNumberFrom(o.value(QStringLiteral("min")));
        b.measured = optionalNumberFrom(o.value(QStringLiteral("measured")));
        b.note = o.value(QStringLiteral("note")).toString();
        const std::optional<BudgetStatus> status = budgetStatusFromName(o.value(QStringLiteral("status")).toString());
        if (b.workload.isEmpty() || b.metric.isEmpty() || !status)
            return Error::input(
                QStringLiteral("budgets[%1] lacks a valid \"workload\", \"metric\" or \"status\"").arg(i));
        b.status = *status;
        run.budgets.push_back(b);
    }
    const QJsonArray claims = root.value(QStringLiteral("claims")).toArray();
    for (qsizetype i = 0; i < claims.size(); ++i) {
        const QJsonObject o = claims.at(i).toObject();
        ClaimOutcome c;
        c.name = o.value(QStringLiteral("name")).toString();
        c.baseline = o.value(QStringLiteral("baseline")).toString();
        c.candidate = o.value(QStringLiteral("candidate")).toString();
        c.expectedImprovementPct = o.value(QStringLiteral("expected_improvement_pct")).toDouble();
        c.tolerancePct = o.value(QStringLiteral("tolerance_pct")).toDouble();
        c.baselineMedian = o.value(QStringLiteral("baseline_median")).toDouble();
        c.candidateMedian = o.value(QStringLiteral("candidate_median")).toDouble();
        c.improvementPct = optionalNumberFrom(o.value(QStringLiteral("improvement_pct")));
        const QJsonArray ci = o.value(QStringLiteral("ci95_pct")).toArray();
        c.ci95Pct = {ci.at(0).toDouble(), ci.at(1).toDouble()};
        c.note = o.value(QStringLiteral("note")).toString();
        const std::optional<ClaimVerdict> verdict = claimVerdictFromName(o.value(QStringLiteral("verdict")).toString());
        if (c.name.isEmpty() || !verdict)
            return Error::input(QStringLiteral("claims[%1] lacks a valid \"name\" or \"verdict\"").arg(i));
        c.verdict = *verdict;
        run.claims.push_back(c);
    }
    return {};
}

QJsonObject runInfoToJson(const RunInfo& i)
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
             {QStringLiteral("rounds"), i.rounds},
         }},
        {QStringLiteral("environment"), environmentToJson(i.environment)},
        {QStringLiteral("environment_warnings"), environmentWarningsToJson(i.environment.warnings)},
        {QStringLiteral("reference"), referenceToJson(i.reference)},
    };
}

RunInfo runInfoFromJson(const QJsonObject& o)
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
    i.environment = environmentFromJson(o.value(QStringLiteral("environment")).toObject(),
                                        o.value(QStringLiteral("environment_warnings")).toArray());
    i.rounds = std::max(1, s.value(QStringLiteral("rounds")).toInt(1));
    i.reference = referenceFromJson(o.value(QStringLiteral("reference")));
    return i;
}

QJsonObject referenceToJson(const std::vector<ReferencePoint>& points)
{
    QJsonArray seconds;
    QJsonArray rounds;
    QJsonArray ns;
    for (const ReferencePoint& p : points) {
        seconds.append(p.seconds);
        rounds.append(p.round);
        ns.append(p.ns);
    }
    return QJsonObject{{QStringLiteral("kernel_version"), kReferenceKernelVersion},
                       {QStringLiteral("seconds"), seconds},
                       {QStringLiteral("round"), rounds},
                       {QStringLiteral("ns"), ns}};
}

std::vector<ReferencePoint> referenceFromJson(const QJsonValue& value)
{
    const QJsonObject o = value.toObject();
    // A reference from another version of the kernel measured other work: not comparable.
    if (o.value(QStringLiteral("kernel_version")).toInt() != kReferenceKernelVersion)
        return {};
    const QJsonArray seconds = o.value(QStringLiteral("seconds")).toArray();
    const QJsonArray rounds = o.value(QStringLiteral("round")).toArray();
    const QJsonArray ns = o.value(QStringLiteral("ns")).toArray();
    std::vector<ReferencePoint> points;
    for (qsizetype k = 0; k < ns.size() && k < seconds.size() && k < rounds.size(); ++k)
        points.push_back({seconds.at(k).toDouble(), rounds.at(k).toInt(), ns.at(k).toDouble()});
    return points;
}

QJsonArray roundsToJson(const std::vector<RoundSlice>& rounds)
{
    QJsonArray array;
    for (const RoundSlice& r : rounds)
        array.append(QJsonArray{r.round, r.firstSample, r.sampleCount, r.referenceNs});
    return array;
}

std::vector<RoundSlice> roundsFromJson(const QJsonValue& value)
{
    std::vector<RoundSlice> rounds;
    for (const QJsonValue& v : value.toArray()) {
        const QJsonArray a = v.toArray();
        if (a.size() == 4)
            rounds.push_back({a.at(0).toInt(), a.at(1).toInt(), a.at(2).toInt(), a.at(3).toDouble()});
    }
    return rounds;
}

bool roundsFit(const std::vector<RoundSlice>& rounds, std::size_t sampleCount)
{
    return std::all_of(rounds.begin(), rounds.end(), [&](const RoundSlice& r) {
        return r.round >= 0 && r.firstSample >= 0 && r.sampleCount >= 0
            && std::int64_t(r.firstSample) + r.sampleCount <= std::int64_t(sampleCount);
    });
}

QJsonObject stabilityToJson(const Stability& s)
{
    return QJsonObject{{QStringLiteral("unstable"), s.unstable},
                       {QStringLiteral("shift_index"), s.unstable ? QJsonValue(s.shiftIndex) : QJsonValue()},
                       {QStringLiteral("shift_pct"), s.unstable ? QJsonValue(s.shiftPct) : QJsonValue()}};
}

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
        {QStringLiteral("rounds"), roundsToJson(r.rounds)},
        {QStringLiteral("stability"), stabilityToJson(r.stability)},
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
        {QStringLiteral("run"), runInfoToJson(run.info)},
        {QStringLiteral("cancelled"), run.cancelled},
        {QStringLiteral("workloads"), workloads},
        {QStringLiteral("budgets"), budgetsToJson(run.budgets)},
        {QStringLiteral("claims"), claimsToJson(run.claims)},
        {QStringLiteral("confirmations"),
         [&] {
             QJsonArray confirmations;
             for (const Result& r : run.confirmations)
                 confirmations.append(resultToJson(r));
             return confirmations;
         }()},
    };
}

namespace {

// `v` as a whole count from `least` up to int64's largest, or nothing for a fraction, NaN, or a
// value out of range.
std::optional<std::uint64_t> wholeCount(double v, double least)
{
    if (!(v >= least && v < 9223372036854775808.0) || v != std::floor(v))
        return std::nullopt;
    return std::uint64_t(v);
}

} // namespace

QByteArray runToJsonBytes(const RunResult& run)
{
    return QJsonDocument(runToJson(run)).toJson(QJsonDocument::Indented);
}

Expected<RunResult> runFromJson(const QByteArray& bytes)
{
    const Expected<QJsonDocument> doc = parseJsonDocument(bytes);
    if (!doc)
        return doc.error();
    const QJsonObject root = doc->object();
    if (root.value(QStringLiteral("schema")).toString() != QLatin1String(kResultsSchema))
        return Error::input(QStringLiteral("key \"schema\" is not \"%1\"").arg(QLatin1String(kResultsSchema)));
    RunResult run;
    run.info = runInfoFromJson(root.value(QStringLiteral("run")).toObject());
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
        if (r.info.id.isEmpty() || !status)
            return Error::input(
                QStringLiteral("workload entry %1 lacks a valid \"id\" or \"status\"").arg(run.results.size()));
        r.status = *status;
        r.error = o.value(QStringLiteral("error")).toString();
        const QJsonArray values = o.value(QStringLiteral("sample_values")).toArray();
        const QJsonArray iterations = o.value(QStringLiteral("sample_iterations")).toArray();
        const QJsonArray rss = o.value(QStringLiteral("sample_rss_bytes")).toArray();
        const QString where = QStringLiteral("workloads[%1]").arg(run.results.size());
        for (qsizetype i = 0; i < values.size(); ++i) {
            Sample s;
            // Converted only when in range: a double outside an integer's range converts to
            // nothing defined (found by fuzz_results_json).
            const std::optional<std::uint64_t> n = wholeCount(iterations.at(i).toDouble(1), 1);
            const std::optional<std::uint64_t> bytes = wholeCount(rss.at(i).toDouble(), 0);
            if (!n || !bytes)
                return Error::input(
                    QStringLiteral("%1.%2[%3]: expected a whole number of %4")
                        .arg(where, n ? QStringLiteral("sample_rss_bytes") : QStringLiteral("sample_iterations"))
                        .arg(i)
                        .arg(n ? QStringLiteral("bytes, 0 or more") : QStringLiteral("iterations, 1 or more")));
            s.iterations = *n;
            s.elapsedNs = values.at(i).toDouble() * double(s.iterations);
            s.rssBytes = std::int64_t(*bytes);
            r.samples.push_back(s);
        }
        r.rounds = roundsFromJson(o.value(QStringLiteral("rounds")));
        // Every round must lie within the samples: the verdicts index the samples by them.
        if (!roundsFit(r.rounds, r.samples.size()))
            return Error::input(QStringLiteral("%1.rounds: a round lies outside the workload's %2 samples")
                                    .arg(where)
                                    .arg(r.samples.size()));
        computeStatistics(r);
        r.peakRssBytes = std::int64_t(wholeCount(o.value(QStringLiteral("peak_rss_bytes")).toDouble(), 0).value_or(0));
        r.userNs = o.value(QStringLiteral("user_ns")).toDouble();
        r.sysNs = o.value(QStringLiteral("sys_ns")).toDouble();
        run.results.push_back(std::move(r));
    }
    if (const Expected<void> gates = gatesFromJson(root, run); !gates)
        return gates.error();
    return run;
}

} // namespace crucible
