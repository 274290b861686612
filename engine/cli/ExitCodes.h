#pragma once

#include "Expected.h"

#include <optional>

namespace crucible {

// Exit codes of SPEC.md.
enum ExitCode : int {
    ExitOk = 0,
    ExitInternalError = 1,
    ExitUsageError = 2,
    ExitWorkloadFailed = 3,
    ExitGateFailed = 4,
    ExitInterrupted = 130,
};

// The exit code of a command that stopped on `kind` of error: 2 for usage and input, 1 for
// internal (SPEC.md "Exit codes").
ExitCode exitCodeFor(ErrorKind kind);

// What happened in a headless run, as far as its exit code is concerned. The steps of the run
// fill it in; exitCodeFor() alone turns it into the exit code.
struct RunOutcome {
    // Why the run measured nothing, found while it was checked, before anything was written or
    // measured: a bad suite file, selection, --output-dir, history store or --baseline name, a
    // broken built-in suite or a --format this build cannot write. Only the first counts, since
    // nothing after it is checked.
    std::optional<ErrorKind> refusal = std::nullopt;
    bool endedWithoutResult = false; // the session finished without handing back a run
    bool interrupted = false;        // Ctrl-C, SIGTERM or SIGHUP: the finished workloads were kept
    bool historyFailed = false;      // comparing with the history, or confirming a regression, failed
    bool writeFailed = false;        // a file of the run could not be written
    bool recordFailed = false;       // the run could not be recorded in the history
    bool workloadsFailed = false;    // a workload crashed, timed out or exited unexpectedly
    bool failOnRegression = false;
    int regressions = 0; // workloads that regressed (under --fail-on-regression: and whose confirmation agreed)
    bool failOnBudget = false;
    bool budgetsFailed = false; // a budget failed, or a claim was refuted or failed

    bool regressionGateFails() const { return failOnRegression && regressions > 0; }
    bool budgetGateFails() const { return failOnBudget && budgetsFailed; }
};

// The exit code of a headless run (SPEC.md "Exit codes"): when several apply, 130 beats 1, 1
// beats 3, and 3 beats 4.
ExitCode exitCodeFor(const RunOutcome& outcome);

} // namespace crucible
