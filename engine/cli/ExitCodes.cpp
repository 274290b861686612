#include "ExitCodes.h"

namespace crucible {

ExitCode exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Usage:
    case ErrorKind::Input:
        return ExitUsageError;
    case ErrorKind::Internal:
        break;
    }
    return ExitInternalError;
}

ExitCode exitCodeFor(const RunOutcome& outcome)
{
    // A refused run measured, wrote and recorded nothing: nothing after the refusal happened.
    if (outcome.refusal)
        return exitCodeFor(*outcome.refusal);
    // Without a run there is nothing to have been interrupted, written or judged.
    if (outcome.endedWithoutResult)
        return ExitInternalError;
    // The order of SPEC.md "Exit codes": 130 beats 1, 1 beats 3, and 3 beats 4.
    if (outcome.interrupted)
        return ExitInterrupted;
    if (outcome.historyFailed || outcome.writeFailed || outcome.recordFailed)
        return ExitInternalError;
    if (outcome.workloadsFailed)
        return ExitWorkloadFailed;
    if (outcome.regressionGateFails() || outcome.budgetGateFails())
        return ExitGateFailed;
    return ExitOk;
}

} // namespace crucible
