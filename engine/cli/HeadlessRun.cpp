// runSuiteHeadless(): a suite run in the terminal, with files written at the end.
#include "CommandComparison.h"
#include "CommandExports.h"
#include "HeadlessCommands.h"

#include "Counted.h"
#include "GithubActions.h"
#include "ResultLine.h"
#include "RunHistory.h"
#include "Session.h"
#include "SuiteChoice.h"
#include "TerminalProgress.h"
#include "TerminalWidth.h"
#include "cli/SuitePlan.h"
#include "export/ReportFiles.h"
#include "export/TextReports.h"
#include "gates/Gates.h"
#include "suite/Suite.h"

#include <QCoreApplication>
#include <QDir>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace crucible {

namespace {

std::atomic<bool> g_interrupted{false};

std::atomic<int> g_interruptCount{0};

// The first Ctrl-C (or SIGTERM from a CI runner, or SIGHUP) stops the run between samples and keeps the
// finished workloads; a second one, for a workload that ignores stop, ends the process now.
extern "C" void onInterrupt(int)
{
    if (g_interruptCount.fetch_add(1) > 0)
        ::_exit(130);
    g_interrupted.store(true);
}

void printResultLine(const Result& r)
{
    std::fputs(qPrintable(resultLine(r, terminalColumns(stdout))), stdout);
    std::fflush(stdout);
}

// One line per environment warning on stderr (RunEnvironment.h): those known at the start before
// anything is measured, then those of other kinds found during the run (load, steal, a debug
// Google Benchmark library). By kind, since the numbers in a message move between two looks.
void printEnvironmentWarnings(const RunEnvironment& env, QStringList& printedKeys)
{
    const QStringList before = printedKeys;
    for (const EnvironmentWarning& w : env.warnings) {
        if (before.contains(w.key))
            continue;
        std::fprintf(stderr, "crucible-bench: environment: %s [%s]\n", qPrintable(w.message), qPrintable(w.key));
        printedKeys << w.key;
    }
}

// Runs `plan` in a session on its worker thread, showing progress, until it ends; Ctrl-C stops
// it between samples, and the finished workloads are still returned. nullopt only when the
// session ended without a result.
std::optional<RunResult> measure(SessionPlan plan, TerminalProgress& progress)
{
    Session session(std::move(plan));
    std::optional<RunResult> finished;
    QObject::connect(
        &session, &Session::workloadStarted, &session,
        [&](int index, int count, const WorkloadInfo& info) { progress.workloadStarted(index, count, info.id); });
    QObject::connect(&session, &Session::progressChanged, &session, [&](const Progress& p) { progress.update(p); });
    QObject::connect(&session, &Session::workloadFinished, &session, [&](const Result& r) {
        progress.clear();
        printResultLine(r);
    });
    QObject::connect(&session, &Session::finished, &session, [&](const RunResult& run) {
        progress.clear();
        finished = run;
        QCoreApplication::quit();
    });

    g_interrupted = false;
    g_interruptCount = 0;
    auto previous = std::signal(SIGINT, onInterrupt);
    auto previousTerm = std::signal(SIGTERM, onInterrupt);
    // A closed terminal or ssh session (SIGHUP) keeps what finished too, as Ctrl-C does.
    auto previousHangUp = std::signal(SIGHUP, onInterrupt);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &session, [&] {
        if (g_interrupted.exchange(false))
            session.stop();
    });
    interruptPoll.start(50);

    session.start();
    QCoreApplication::exec();
    std::signal(SIGINT, previous);
    std::signal(SIGTERM, previousTerm);
    std::signal(SIGHUP, previousHangUp);
    return finished;
}

// --fail-on-regression: a gate that fires on one run's verdict would fire on every slow phase
// the verdict did not catch. The workloads that came out regressed are measured once more, at
// the end, in rounds with the reference as any run, and judged against the same baseline and
// history; the gate fires only for those whose second verdict is regressed too
// (RunHistory::regressions). The second measurements are kept in run.confirmations.
Expected<void> confirmRegressions(RunResult& run, const Suite& suite, const WorkloadRegistry& registry,
                                  const CommandLineOptions& options, const RunHistory& history,
                                  TerminalProgress& progress)
{
    std::vector<const SuiteWorkload*> again;
    for (const Result& r : run.results)
        if (r.baseline && r.baseline->verdict == ChangeVerdict::Regressed)
            for (const SuiteWorkload& w : suite.workloads)
                if (w.info.id == r.info.id)
                    again.push_back(&w);
    if (again.empty())
        return {};
    std::fprintf(stderr, "Measuring %s again to confirm...\n",
                 qPrintable(counted(qint64(again.size()), QStringLiteral("regressed workload"))));
    Expected<SessionPlan> plan = makeSessionPlan(suite, again, registry, options);
    if (!plan)
        return plan.error();
    std::optional<RunResult> confirmation = measure(std::move(*plan), progress);
    if (!confirmation)
        return Error::internal(QStringLiteral("the confirmation ended without a result"));
    // Ctrl-C (or SIGTERM, SIGHUP) while confirming stops the run as it would have stopped the
    // measurement: exit 130 with what finished kept, the regressions left unconfirmed.
    if (confirmation->cancelled) {
        std::fprintf(stderr, "crucible-bench: the confirmation was interrupted; the regressions stay unconfirmed\n");
        run.cancelled = true;
        return {};
    }
    confirmation->info.suiteName = run.info.suiteName;
    confirmation->info.host = run.info.host;
    confirmation->info.cpu = run.info.cpu;
    if (Expected<void> compared = history.compare(*confirmation); !compared)
        return compared;
    for (Result& c : confirmation->results) {
        for (Result& r : run.results) {
            if (r.info.id != c.info.id || !r.baseline)
                continue;
            // A confirmation that failed or found nothing to compare with does not confirm.
            r.baseline->confirmation = c.baseline ? c.baseline->verdict : ChangeVerdict::Inconclusive;
            if (c.baseline) {
                r.baseline->confirmationChangePct = c.baseline->judgedChangePct;
                r.baseline->confirmationCi95Pct = c.baseline->ci95Pct;
            }
        }
        run.confirmations.push_back(std::move(c));
    }
    return {};
}

// A gate with nothing to judge passes by default, and a CI job that trusts it would never learn
// that it guards nothing: say so on stderr (SPEC.md "Exit codes"). Nothing when the run was
// interrupted, whose exit code says more.
void reportGatesThatCannotFail(const RunResult& run, const CommandLineOptions& options)
{
    if (run.cancelled)
        return;
    const bool compared =
        std::any_of(run.results.begin(), run.results.end(), [](const Result& r) { return r.baseline.has_value(); });
    if (options.failOnRegression && !compared) {
        const bool storeRead = !options.noHistory || !options.baseline.isEmpty() || !options.db.isEmpty();
        const bool anyOk =
            std::any_of(run.results.begin(), run.results.end(), [](const Result& r) { return r.status == Status::Ok; });
        const char* why = !anyOk ? "no workload finished ok, and only those are compared"
            : !storeRead         ? "--no-history reads no history; add --db or --baseline to compare against one"
            : !options.baseline.isEmpty() ? "the baseline holds no result of these workloads"
                                          : "no earlier result of these workloads in this suite on this host";
        std::fprintf(
            stderr,
            "crucible-bench: --fail-on-regression: no baseline: nothing was compared, so this gate cannot fail (%s)\n",
            why);
    }
    const bool checked = std::any_of(run.budgets.begin(), run.budgets.end(),
                                     [](const BudgetOutcome& b) { return b.status != BudgetStatus::Skipped; })
        || std::any_of(run.claims.begin(), run.claims.end(),
                       [](const ClaimOutcome& c) { return c.verdict != ClaimVerdict::Skipped; });
    if (options.failOnBudget && !checked)
        std::fprintf(stderr, "crucible-bench: --fail-on-budget: %s: nothing was checked, so this gate cannot fail\n",
                     run.budgets.empty() && run.claims.empty()
                         ? "the suite has no budgets or claims for these workloads"
                         : "every budget and claim was skipped");
}

// What a run needs, all checked before anything is written or measured.
struct CheckedRun {
    Suite suite;
    SessionPlan plan;
    RunHistory history;
};

// The suite, its selection and the workloads themselves, --format, the output directory and the
// history store are all checked before anything is written or measured: a bad suite file runs
// nothing. The first error found is the refusal.
Expected<CheckedRun> checkRun(const CommandLineOptions& options, const WorkloadRegistry& registry,
                              const ExternalReports& reports)
{
    Expected<Suite> suite = chooseSuite(options, registry);
    if (!suite)
        return suite.error();
    const Expected<std::vector<const SuiteWorkload*>> chosen = chooseWorkloads(*suite, options.filters);
    if (!chosen)
        return chosen.error();
    if (int(chosen->size()) > kLargeRunWorkloads && !options.yes)
        return Error::usage(
            QStringLiteral("this run would measure %1 workloads (more than %2; a parameter scan multiplies); "
                           "add --yes to run them all, or choose fewer with FILTER words (--list shows them)")
                .arg(chosen->size())
                .arg(kLargeRunWorkloads));
    Expected<SessionPlan> plan = makeSessionPlan(*suite, *chosen, registry, options);
    if (!plan)
        return plan.error();
    if (const QString format = formatWithoutWriter(options.formats, reports); !format.isEmpty())
        return Error::internal(QStringLiteral("--format %1: this build has no writer for it").arg(format));
    if (const Expected<void> dir = prepareOutputDirectory(options.outputDir); !dir)
        return dir.error().prefixed(QStringLiteral("--output-dir "));
    if (const Expected<void> exports = checkCommandExports(options.commands); !exports)
        return exports.error();
    Expected<RunHistory> history = RunHistory::prepare(options);
    if (!history)
        return history.error();
    return CheckedRun{std::move(*suite), std::move(*plan), std::move(*history)};
}

// Fills the baseline comparisons, each regression measured again under --fail-on-regression,
// and says them on stderr. False when the history could not be compared with.
bool compareWithHistory(RunResult& run, CheckedRun& checked, const CommandLineOptions& options,
                        const WorkloadRegistry& registry, TerminalProgress& progress)
{
    if (const Expected<void> compared = checked.history.compare(run); !compared) {
        printError(compared.error().prefixed(QStringLiteral("comparing with the history failed: ")));
        return false;
    }
    if (options.failOnRegression && !run.cancelled) {
        const Expected<void> confirmed =
            confirmRegressions(run, checked.suite, registry, options, checked.history, progress);
        if (!confirmed) {
            printError(confirmed.error().prefixed(QStringLiteral("confirming the regressions failed: ")));
            return false;
        }
    }
    if (!options.noHistory || !options.baseline.isEmpty())
        std::fputs(qPrintable(RunHistory::describeComparison(run)), stderr);
    return true;
}

// The suite's budgets and claims, judged into the run (its files list them) and said on stderr.
void judgeGates(const Suite& suite, RunResult& run, const CommandLineOptions& options)
{
    evaluateGates(suite, run);
    if (const QString gates = describeGates(run); !gates.isEmpty())
        std::fprintf(stderr, "%s\n", qPrintable(gates));
    reportGatesThatCannotFail(run, options);
}

// The run's files in --output-dir. False when one could not be written.
bool writeRunFiles(const RunResult& run, const RunHistory& history, const CommandLineOptions& options,
                   const ExternalReports& reports)
{
    ReportOptions reportOptions;
    reportOptions.plots = !options.noPlots;
    if (options.formats.contains(QLatin1String("pdf"))) {
        // Loaded before the run is recorded, with the run appended as the newest point.
        RunTrends loaded = history.trends(run);
        reportOptions.trends = std::move(loaded.trends);
        if (loaded.incomplete)
            printError(loaded.incomplete->prefixed(QStringLiteral("the report's trend over history is incomplete: ")));
    }
    const Expected<QStringList> written =
        writeReportFiles(run, options.outputDir, options.formats, reports, reportOptions);
    if (!written) {
        printError(written.error());
        return false;
    }
    std::fprintf(stderr, "Wrote %s in %s\n", qPrintable(written->join(QStringLiteral(", "))),
                 qPrintable(QDir(options.outputDir).absolutePath()));
    const Expected<QStringList> exported = writeCommandExports(run, options.commands);
    if (!exported) {
        printError(exported.error());
        return false;
    }
    if (!exported->isEmpty())
        std::fprintf(stderr, "Wrote %s (hyperfine's shapes)\n", qPrintable(exported->join(QStringLiteral(", "))));
    return true;
}

// Inside a GitHub Actions job (GITHUB_ACTIONS=true): the regressions and broken budgets as
// annotations on stdout, where the runner reads workflow commands, and summary.md appended to
// the step's summary. False when the summary could not be appended.
bool reportToGithub(const RunResult& run, const CommandLineOptions& options)
{
    if (qEnvironmentVariable("GITHUB_ACTIONS") != QLatin1String("true"))
        return true;
    for (const QString& line : github::annotations(run, options.failOnRegression, options.failOnBudget))
        std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
    const QString summaryFile = qEnvironmentVariable("GITHUB_STEP_SUMMARY");
    if (summaryFile.isEmpty())
        return true;
    if (const Expected<void> appended = github::appendStepSummary(summaryFile, summaryMarkdown(run)); !appended) {
        printError(appended.error());
        return false;
    }
    return true;
}

// Records the run in the history unless --no-history. False when recording failed.
bool recordRun(const RunResult& run, RunHistory& history, const CommandLineOptions& options)
{
    if (const Expected<void> recorded = history.record(run); !recorded) {
        printError(recorded.error());
        return false;
    }
    if (history.recorded())
        std::fprintf(stderr, "Recorded as run %lld in %s%s\n", history.recordedRunId(), qPrintable(history.location()),
                     qPrintable(options.saveBaseline.isEmpty()
                                    ? QString()
                                    : QStringLiteral(" as baseline \"%1\"").arg(options.saveBaseline)));
    return true;
}

void reportInterruption(const RunResult& run)
{
    const qint64 kept = qint64(run.results.size());
    std::fprintf(stderr, "crucible-bench: interrupted; %s %s kept\n",
                 qPrintable(counted(kept, QStringLiteral("finished workload"))), kept == 1 ? "was" : "were");
}

// A headless run, step by step: checked, measured, judged, written and recorded. Each step
// says what it does on the terminal and fills in what happened; the exit code is decided from
// that alone, by exitCodeFor().
RunOutcome runSuite(const CommandLineOptions& options, const WorkloadRegistry& registry, const ExternalReports& reports)
{
    Expected<CheckedRun> checking = checkRun(options, registry, reports);
    if (!checking) {
        printError(checking.error());
        return {.refusal = checking.error().kind};
    }
    CheckedRun& checked = *checking;

    TerminalProgress progress(stderr);
    QStringList environmentPrinted;
    printEnvironmentWarnings(captureEnvironment(), environmentPrinted);
    std::optional<RunResult> finished = measure(std::move(checked.plan), progress);
    if (!finished) {
        std::fprintf(stderr, "crucible-bench: the run ended without a result\n");
        return {.endedWithoutResult = true};
    }
    printEnvironmentWarnings(finished->info.environment, environmentPrinted);
    if (checked.suite.interleaved) {
        std::fputs(qPrintable(describeCommandComparison(*finished)), stdout);
        std::fflush(stdout);
    }

    RunOutcome outcome;
    // Baseline comparisons, budgets and claims go into the files, so they come before them;
    // recording comes after, so that a store failing at the last moment still leaves the user
    // the run's files.
    outcome.historyFailed = !compareWithHistory(*finished, checked, options, registry, progress);
    judgeGates(checked.suite, *finished, options);
    outcome.writeFailed = !writeRunFiles(*finished, checked.history, options, reports);
    outcome.writeFailed = !reportToGithub(*finished, options) || outcome.writeFailed;
    // Recorded even when a file could not be written: the measurements are kept somewhere.
    outcome.recordFailed = !recordRun(*finished, checked.history, options);
    outcome.interrupted = finished->cancelled;
    if (outcome.interrupted)
        reportInterruption(*finished);
    outcome.workloadsFailed = finished->anyFailed();
    outcome.failOnRegression = options.failOnRegression;
    outcome.regressions = RunHistory::regressions(*finished);
    outcome.failOnBudget = options.failOnBudget;
    outcome.budgetsFailed = gatesFailed(*finished);
    return outcome;
}

// Which gate failed, when the exit code says one did; the regression gate is named first.
void explainGateFailure(const RunOutcome& outcome)
{
    if (outcome.regressionGateFails())
        std::fprintf(stderr, "crucible-bench: --fail-on-regression: %s regressed\n",
                     qPrintable(counted(outcome.regressions, QStringLiteral("workload"))));
    else
        std::fprintf(stderr, "crucible-bench: --fail-on-budget: a budget failed or a claim was refuted\n");
}

} // namespace

int runSuiteHeadless(const CommandLineOptions& options, const WorkloadRegistry& registry,
                     const ExternalReports& reports)
{
    const RunOutcome outcome = runSuite(options, registry, reports);
    const ExitCode exitCode = exitCodeFor(outcome);
    if (exitCode == ExitGateFailed)
        explainGateFailure(outcome);
    return exitCode;
}

} // namespace crucible
