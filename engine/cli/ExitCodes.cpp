#include "ExitCodes.h"

namespace crucible {

ExitCode exitCodeFor(const RunOutcome& outcome)
{
    // A refused run measured, wrote and recorded nothing: nothing after the refusal happened.
    switch (outcome.refusal) {
    case Refusal::InputError:
        return ExitUsageError;
    case Refusal::InternalError:
        return ExitInternalError;
    case Refusal::None:
        break;
    }
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
