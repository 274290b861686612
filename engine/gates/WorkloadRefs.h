#pragma once

#include "Result.h"
#include "suite/Suite.h"

#include <QStringList>

// How budgets and claims find the workloads they name. Internal to engine/gates.
namespace crucible::gates {

// The ids of the suite's workloads that `ref` names: the workload with that id, or every
// parameter combination (or Google Benchmark benchmark) of the entry whose id it is. A name the
// suite does not hold (a hand-made Suite) stands for itself.
QStringList workloadsNamedBy(const Suite& suite, const QString& ref);

// The result of workload `id` in this run; nullptr when it did not run.
const Result* findResult(const RunResult& run, const QString& id);

// Why a workload of the suite has no result: it was filtered out, or the run was stopped first.
QString notInRunNote(const RunResult& run);

// "crashed: killed by SIGSEGV" for a workload that did not finish OK, "no samples were taken"
// for one that finished with none; empty for a workload that has something to evaluate.
QString unusableResultNote(const Result& result);

} // namespace crucible::gates
