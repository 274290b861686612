#include "HyperfineJson.h"

#include "ForeignJson.h"

#include <QFileInfo>

#include <algorithm>
#include <set>

namespace crucible {

using interop::nonNegative;
using interop::text;
using interop::wholeNumber;
using suite::Node;

namespace {

constexpr double kNsPerSecond = 1e9;

// SPEC.md "Importing hyperfine JSON": category cli, id "cli.hyperfine/command=<command>", so
// that a FILTER word from the command line (or the category cli) selects it; a command listed
// twice in one file gets "/instance=2", "/instance=3", ... to keep ids unique.
QString idFor(const QString& command, std::set<QString>* taken)
{
    const QString base = QStringLiteral("cli.hyperfine/command=") + command;
    QString id = base;
    for (int instance = 2; taken->count(id); ++instance)
        id = base + QStringLiteral("/instance=%1").arg(instance);
    taken->insert(id);
    return id;
}

// An optional per-run array (exit_codes, memory_usage_byte) must have one entry per time.
void checkRunCount(const Node& array, qsizetype runs)
{
    array.array();
    if (array.size() != runs)
        array.fail(
            QStringLiteral("expected one entry per run (%1, as in \"times\"), got %2").arg(runs).arg(array.size()));
}

Result readResult(const Node& entry, std::set<QString>* ids)
{
    entry.object();
    const QString command = entry.required(QStringLiteral("command")).string();
    Result r;
    r.info.id = idFor(command, ids);
    r.info.category = Category::Cli;
    r.info.description = QStringLiteral("hyperfine: %1").arg(command);
    r.info.unit = QStringLiteral("ns");
    r.info.operation = QStringLiteral("run");
    r.info.parameters.insert(QStringLiteral("command"), command);
    if (entry.has(QStringLiteral("parameters"))) {
        // --parameter-scan / --parameter-list values, e.g. {"threads": "4"}.
        const Node parameters = entry[QStringLiteral("parameters")];
        const QJsonObject values = parameters.object();
        for (auto it = values.begin(); it != values.end(); ++it)
            r.info.parameters.insert(it.key(), text(parameters[it.key()]));
    }

    const Node times = entry.required(QStringLiteral("times"));
    times.array();
    if (times.size() == 0)
        times.fail(QStringLiteral("no run times (an empty array)"));
    for (qsizetype i = 0; i < times.size(); ++i) {
        Sample s;
        s.iterations = 1; // hyperfine times each run of the command on its own
        s.elapsedNs = interop::finiteNanoseconds(times[i], nonNegative(times[i]) * kNsPerSecond);
        r.samples.push_back(s);
    }
    // hyperfine 1.19+: the peak memory of each run.
    if (entry.has(QStringLiteral("memory_usage_byte"))) {
        const Node memory = entry[QStringLiteral("memory_usage_byte")];
        checkRunCount(memory, times.size());
        for (qsizetype i = 0; i < times.size(); ++i)
            r.samples[std::size_t(i)].rssBytes = std::int64_t(wholeNumber(memory[i], 0));
    }
    // user and system are means per run in seconds; Result keeps totals over the samples.
    const double runs = double(r.samples.size());
    if (entry.has(QStringLiteral("user"))) {
        const Node user = entry[QStringLiteral("user")];
        r.userNs = interop::finiteNanoseconds(user, nonNegative(user) * kNsPerSecond * runs);
    }
    if (entry.has(QStringLiteral("system"))) {
        const Node system = entry[QStringLiteral("system")];
        r.sysNs = interop::finiteNanoseconds(system, nonNegative(system) * kNsPerSecond * runs);
    }

    // Non-zero exit codes are only there when hyperfine ran with --ignore-failure; null means
    // the run was ended by a signal. Either is a failure, as for a command workload of ours.
    if (entry.has(QStringLiteral("exit_codes"))) {
        const Node codes = entry[QStringLiteral("exit_codes")];
        checkRunCount(codes, times.size());
        int signalled = 0;
        int nonZero = 0;
        QString firstCode;
        for (qsizetype i = 0; i < codes.size(); ++i) {
            const Node code = codes[i];
            if (code.value().isNull()) {
                ++signalled;
                continue;
            }
            if (!code.value().isDouble() || code.value().toDouble() != double(code.value().toInteger()))
                code.fail(QStringLiteral("expected a whole number (exit code) or null, got %1")
                              .arg(suite::describeValue(code.value())));
            if (code.value().toInteger() != 0 && nonZero++ == 0)
                firstCode = QString::number(code.value().toInteger());
        }
        if (signalled > 0) {
            r.status = Status::Crashed;
            r.error = QStringLiteral("killed by a signal in %1 of %2 runs").arg(signalled).arg(codes.size());
        } else if (nonZero > 0) {
            r.status = Status::Failed;
            r.error = QStringLiteral("exited with a non-zero code (first: %1) in %2 of %3 runs")
                          .arg(firstCode)
                          .arg(nonZero)
                          .arg(codes.size());
        }
    }
    computeStatistics(r);
    return r;
}

RunResult readResults(const Node& root, const QString& fileName)
{
    const Node results = root.required(QStringLiteral("results"));
    results.array();
    if (results.size() == 0)
        results.fail(QStringLiteral("no benchmark results (an empty array)"));
    RunResult run;
    // hyperfine writes no context: no host, no date (the importer falls back on the file's
    // modification time). The file name stands for the suite.
    run.info.suiteName = QFileInfo(fileName).completeBaseName();
    run.info.toolVersion = QStringLiteral("hyperfine");
    std::set<QString> ids;
    for (qsizetype i = 0; i < results.size(); ++i) {
        run.results.push_back(readResult(results[i], &ids));
        run.info.sampleCount = std::max(run.info.sampleCount, int(run.results.back().samples.size()));
    }
    return run;
}

} // namespace

Expected<RunResult> parseHyperfineJson(const QByteArray& bytes, const QString& fileName)
{
    return interop::readForeignJson(bytes, fileName, [&](const Node& root) { return readResults(root, fileName); });
}

bool looksLikeHyperfineJson(const QJsonObject& root)
{
    return root.contains(QStringLiteral("results")) && !root.contains(QStringLiteral("schema"))
        && !root.contains(QStringLiteral("benchmarks"));
}

} // namespace crucible
