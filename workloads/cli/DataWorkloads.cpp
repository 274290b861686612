#include "DataWorkloads.h"

#include "BenchCommand.h"
#include "BenchCommandWorkload.h"
#include "Parameters.h"
#include "SuiteFiles.h"
#include "system/CheckedCommand.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace crucible::workloads::cli {

namespace {

// One line in kErrorEvery is an error.
constexpr std::int64_t kErrorEvery = 97;

// Writes about `bytes` of service log lines (timestamp, level, service, request id, latency,
// path) and returns how many of them are errors.
std::int64_t writeLog(const QString& path, std::int64_t bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw std::runtime_error(QStringLiteral("cannot write '%1': %2").arg(path, file.errorString()).toStdString());
    QByteArray chunk;
    chunk.reserve(1 << 20);
    std::uint64_t state = 0x2545F4914F6CDD1DULL;
    std::int64_t written = 0, errors = 0;
    char line[200];
    for (std::int64_t n = 0; written < bytes; ++n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL; // LCG: varied, reproducible
        const bool error = n % kErrorEvery == kErrorEvery - 1;
        errors += error;
        const int length =
            std::snprintf(line, sizeof line,
                          "2026-11-27T%02d:%02d:%02d.%03dZ level=%s service=svc-%02d request=%010llu latency_ms=%u "
                          "path=/api/v1/items/%u\n",
                          int(n / 3600000 % 24), int(n / 60000 % 60), int(n / 1000 % 60), int(n % 1000),
                          error ? "error" : "info", int(state >> 58), static_cast<unsigned long long>(state >> 30),
                          unsigned(state >> 52), unsigned(state >> 44));
        chunk.append(line, length);
        written += length;
        if (chunk.size() >= (1 << 20) - qsizetype(sizeof line)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    if (file.write(chunk) != chunk.size() || !file.flush())
        throw std::runtime_error(QStringLiteral("cannot write '%1': %2").arg(path, file.errorString()).toStdString());
    return errors;
}

// A command over a large data set, as a user's suite measures one (SPEC.md's own example is a
// grep over prepared data): `grep -c level=error` over `size` of generated service logs,
// made in setUp (prepare) and removed in tearDown (cleanup). Every line is read and matched,
// so the time is the tool streaming the file from the page cache through its matcher.
// Why not this program's --compare on large results files? Its cost is the bootstrap
// (10,000 resamples per workload), not the size of the files, so it would measure statistics
// rather than a large data set; system.* and the statistics tests cover that work.
class LargeDatasetWorkload final : public sys::ChildProcessWorkload {
public:
    using ChildProcessWorkload::ChildProcessWorkload;

    void setUp(std::stop_token) override
    {
        const std::int64_t size = byteSizeParameter(info(), QStringLiteral("size"));
        const QString grep = QStandardPaths::findExecutable(QStringLiteral("grep"));
        if (grep.isEmpty())
            throw std::runtime_error("cli.large_dataset: no grep in PATH");
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            throw std::runtime_error("cli.large_dataset: cannot create a temporary directory");
        const QString data = m_dir->filePath(QStringLiteral("service.log"));
        const std::int64_t errors = writeLog(data, size);

        CommandSpec spec;
        spec.argv = {grep, QStringLiteral("-c"), QStringLiteral("level=error"), data};
        spec.workingDirectory = m_dir->path();
        spec.environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        spec.timeoutSeconds = kCommandTimeoutSeconds;
        // Not /dev/null: GNU grep notices output to /dev/null and stops at the first match, as
        // with -q, which would time reading one page instead of the data set.
        spec.stdoutPath = m_dir->filePath(QStringLiteral("count.txt"));
        verifyCount(spec, errors);
        setCommands({spec});
    }

    void tearDown() override
    {
        setCommands({});
        m_dir.reset();
    }

private:
    // Once, untimed: grep must find exactly the errors written, or the timing means nothing.
    void verifyCount(const CommandSpec& spec, std::int64_t expected) const
    {
        sys::runChecked(spec, {});
        QFile out(spec.stdoutPath);
        const std::int64_t counted = out.open(QIODevice::ReadOnly) ? out.readAll().trimmed().toLongLong() : -1;
        if (counted != expected)
            throw std::runtime_error(QStringLiteral("cli.large_dataset: grep counted %1 error lines, %2 were written")
                                         .arg(counted)
                                         .arg(expected)
                                         .toStdString());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

// Configuration loading: `crucible-bench --list --suite FILE` on a large generated suite file
// (see largeConfigurationSuite), output discarded. The child parses the JSON, validates every
// key and value, expands the parameter scans into workloads and checks budgets and claims
// against them; listing is the cheapest command that does all of that.
class ConfigWorkload final : public BenchCommandWorkload {
public:
    using BenchCommandWorkload::BenchCommandWorkload;

protected:
    std::vector<CommandSpec> prepare() override
    {
        const std::int64_t entries = countParameter(info(), QStringLiteral("entries"), 100000);
        const QString suite = pathOf(QStringLiteral("large-suite.json"));
        writeFile(suite, largeConfigurationSuite(int(entries)));
        return {command({QStringLiteral("--list"), QStringLiteral("--suite"), suite})};
    }
};

} // namespace

void registerDataWorkloads(WorkloadRegistry& registry)
{
    WorkloadInfo large =
        cliInfo("large_dataset", "run",
                "`grep -c level=error` over 'size' of generated service logs (made in set-up, removed in "
                "clean-up): a command of the user's over a large data set, streaming it from the page cache");
    large.parameters = {{QStringLiteral("size"), QStringLiteral("48MiB")}};
    registry.add(WorkloadFactory{large, [large](const QVariantMap& parameters) {
                                     return std::make_unique<LargeDatasetWorkload>(withParameters(large, parameters));
                                 }});

    WorkloadInfo config =
        cliInfo("config", "load",
                "`crucible-bench --list --suite FILE` on a generated suite of 'entries' command entries "
                "(each scanned over 3 values, with env, prepare, cleanup, budgets) plus claims: "
                "configuration loading and validation");
    config.parameters = {{QStringLiteral("entries"), 200}};
    registry.add(WorkloadFactory{config, [config](const QVariantMap& parameters) {
                                     return std::make_unique<ConfigWorkload>(withParameters(config, parameters));
                                 }});
}

} // namespace crucible::workloads::cli
