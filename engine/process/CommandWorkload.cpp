#include "CommandWorkload.h"

#include "WorkloadFailure.h"

#include <algorithm>

namespace crucible {

namespace {

// Quotes an argument that would read ambiguously in a one-line description.
QString shownArgument(const QString& argument)
{
    static const QString plain =
        QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+%@");
    const bool needsQuotes =
        argument.isEmpty() || std::any_of(argument.begin(), argument.end(), [](QChar c) { return !plain.contains(c); });
    if (!needsQuotes)
        return argument;
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// Runs prepare or cleanup, untimed and bounded by its timeout. Prepare stops with the run;
// cleanup never does: it must finish to leave nothing behind.
void runHelper(const char* role, const CommandSpec& spec, std::stop_token stop = {})
{
    const CommandOutcome outcome = runCommand(spec, std::move(stop));
    if (outcome.stopped)
        return; // the run is cancelled: its group is dropped, and cleanup runs
    if (outcome.status != Status::Ok)
        throw WorkloadFailure(Status::Failed,
                              QStringLiteral("%1 command (%2): %3")
                                  .arg(QLatin1String(role), spec.argv.join(QLatin1Char(' ')), outcome.error));
}

} // namespace

CommandWorkload::CommandWorkload(WorkloadInfo info, CommandSpec command, std::optional<CommandSpec> prepare,
                                 std::optional<CommandSpec> cleanup)
    : m_info(std::move(info)), m_command(std::move(command)), m_prepare(std::move(prepare)),
      m_cleanup(std::move(cleanup))
{
    if (m_info.description.isEmpty())
        m_info.description = describe(m_command.argv);
    m_info.unit = QStringLiteral("ns");
    m_info.operation = QStringLiteral("run");
}

QString CommandWorkload::describe(const QStringList& argv)
{
    QStringList shown;
    for (const QString& a : argv)
        shown << shownArgument(a);
    return QStringLiteral("External command: %1").arg(shown.join(QLatin1Char(' ')));
}

void CommandWorkload::setUp(std::stop_token stop)
{
    if (m_prepare)
        runHelper("prepare", *m_prepare, std::move(stop));
}

void CommandWorkload::tearDown()
{
    if (m_cleanup)
        runHelper("cleanup", *m_cleanup);
}

std::optional<CommandOutcome> CommandWorkload::execute(std::stop_token stop, bool exactPeak)
{
    if (m_prepareEachRun) {
        runHelper("prepare", *m_prepareEachRun, stop);
        if (stop.stop_requested())
            return std::nullopt;
    }
    // The exit stop that reads the exact peak memory (CommandSpec::exactPeakMemory) costs a
    // short command 5-17 % of its time (benchmarks/bench_spawn: two more wake-ups of this
    // process per run, worse on a busy machine). So only every kExactPeakEvery-th measured
    // execution, the first included, stops; the others are timed untraced, their peak read from
    // ru_maxrss when it is above this process's own floor, else from /proc polled while they
    // run, which misses a child that ends within the first poll (`true` read 4 KiB). Counting
    // measured executions only, the run's peak always includes an exact one (counting warm-up
    // too, a short run of --runs 2 had none).
    CommandSpec spec = m_command;
    spec.exactPeakMemory = m_command.exactPeakMemory && exactPeak;
    CommandOutcome outcome = runCommand(spec, stop);
    if (outcome.stopped)
        return std::nullopt;
    if (outcome.status != Status::Ok)
        throw WorkloadFailure(outcome.status, outcome.error);
    return outcome;
}

void CommandWorkload::run(std::uint64_t iterations, std::stop_token stop)
{
    for (std::uint64_t i = 0; i < iterations && !stop.stop_requested(); ++i)
        execute(stop, false);
}

std::optional<Sample> CommandWorkload::measureIteration(std::stop_token stop)
{
    const std::optional<CommandOutcome> outcome = execute(stop, m_measured++ % kExactPeakEvery == 0);
    if (!outcome)
        return std::nullopt;
    Sample sample;
    sample.iterations = 1;
    sample.elapsedNs = outcome->wallNs;
    sample.userNs = outcome->userNs;
    sample.sysNs = outcome->sysNs;
    sample.cpuNs = outcome->userNs + outcome->sysNs;
    sample.rssBytes = outcome->peakRssBytes;
    sample.exitCode = outcome->exitCode;
    sample.signal = outcome->signal;
    return sample;
}

} // namespace crucible
