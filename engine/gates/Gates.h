#pragma once

#include "Result.h"
#include "suite/Suite.h"

#include <QString>

// The suite's budgets and claims as gates on a finished run (Budgets.h and Claims.h have the
// rules). Headless runs evaluate them before writing files; --fail-on-budget turns a failed
// gate into exit 4.
namespace crucible {

// Fills run.budgets and run.claims from the suite (replacing what they held).
void evaluateGates(const Suite& suite, RunResult& run);

// A budget failed (its limit broken, or its workload failed), or a claim was refuted or could
// not be compared because a side failed. Skipped budgets and claims, and inconclusive claims,
// do not fail the gate.
bool gatesFailed(const RunResult& run);

// One failed budget in a line, as the terminal lists it and CI formats report it:
// "system.binary_size median_mb 76.41 (max 60): NOTE".
QString budgetLine(const BudgetOutcome& budget);
// One claim in a line: "refuted \"NAME\": improvement 40.0% [38.1% … 41.9%], expected 78% ± 5%".
QString claimLine(const ClaimOutcome& claim);

// A few lines for the terminal: counts of budgets and claims by outcome, then each failed
// budget and each claim with its measured improvement. Empty when the run has neither.
QString describeGates(const RunResult& run);

} // namespace crucible
