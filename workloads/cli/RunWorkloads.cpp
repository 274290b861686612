#include "RunWorkloads.h"

#include "BenchCommand.h"
#include "BenchCommandWorkload.h"
#include "Parameters.h"
#include "SuiteFiles.h"

namespace crucible::workloads::cli {

namespace {

// The workload the headless run measures: microseconds per iteration, so the child's run is
// dominated by what a run costs around the measuring (start, suite, session, statistics,
// reports), not by the measuring itself.
const QString kMeasuredWorkload = QStringLiteral("architecture.errors.values");

// A complete headless run, as CI runs it: load a suite file (written in setUp, so the run does
// not depend on what the built-in default suite holds), measure one workload with short
// settings, compute its statistics, write results.json, summary.csv, samples.csv and
// summary.md, exit. Flags give every setting, so a user's CRITERION_* variables do not leak in.
class HeadlessRunWorkload final : public BenchCommandWorkload {
public:
    using BenchCommandWorkload::BenchCommandWorkload;

protected:
    std::vector<CommandSpec> prepare() override
    {
        const QString suite = pathOf(QStringLiteral("suite.json"));
        writeFile(suite, singleWorkloadSuite(kMeasuredWorkload));
        return {
            command({QStringLiteral("--headless"), QStringLiteral("--suite"), suite, QStringLiteral("--quick-check"),
                     kMeasuredWorkload, QStringLiteral("--warm-up-time"), QStringLiteral("0.01"),
                     QStringLiteral("--measurement-time"), QStringLiteral("0.05"), QStringLiteral("--sample-size"),
                     QStringLiteral("5"), QStringLiteral("--no-history"), QStringLiteral("--format"),
                     QStringLiteral("json,csv,md"), QStringLiteral("--output-dir"), pathOf(QStringLiteral("out"))})};
    }
};

// `count` light commands back to back, as a script that queries the tool does: one iteration
// is the whole batch, so its time is the batch's and its throughput batches per second. The
// commands cycle through --version, --list, --help and --list --json.
class BatchWorkload final : public BenchCommandWorkload {
public:
    using BenchCommandWorkload::BenchCommandWorkload;

protected:
    std::vector<CommandSpec> prepare() override
    {
        const std::int64_t count = countParameter(info(), QStringLiteral("count"), 1000);
        const QStringList cycle[] = {{QStringLiteral("--version")},
                                     {QStringLiteral("--list")},
                                     {QStringLiteral("--help")},
                                     {QStringLiteral("--list"), QStringLiteral("--json")}};
        std::vector<CommandSpec> commands;
        for (std::int64_t i = 0; i < count; ++i)
            commands.push_back(command(cycle[i % std::size(cycle)]));
        return commands;
    }
};

} // namespace

void registerRunWorkloads(WorkloadRegistry& registry)
{
    const WorkloadInfo run =
        cliInfo("command", "run",
                "A complete small headless run: `crucible-bench --headless --suite S --quick-check "
                "architecture.errors.values` with 5 short samples, writing JSON, CSV and Markdown reports");
    registry.add<HeadlessRunWorkload>(run);

    WorkloadInfo batch =
        cliInfo("batch", "batch",
                "'count' crucible-bench commands back to back (--version, --list, --help, --list --json in "
                "turn), as a script calls them: time per batch");
    batch.parameters = {{QStringLiteral("count"), 4}};
    registry.add(WorkloadFactory{batch, [batch](const QVariantMap& parameters) {
                                     return std::make_unique<BatchWorkload>(withParameters(batch, parameters));
                                 }});
}

} // namespace crucible::workloads::cli
