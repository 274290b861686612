#pragma once

#include "RunEnvironment.h"
#include "Sample.h"
#include "Statistics.h"
#include "Workload.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>
#include <vector>

namespace crucible {

enum class Status { Ok, Failed, Timeout, Crashed };
QString statusName(Status status);
std::optional<Status> statusFromName(const QString& name);

// This result against an earlier run of the same workload (filled by the history layer).
struct BaselineComparison {
    QString name;
    double median = 0;
    double changePct = 0;
    stats::Interval ci95Pct;
    double pValue = 1;
    QString verdict; // regressed | improved | unchanged | inconclusive
};

// Everything measured for one workload in one run. Plain data, passed by value.
struct Result {
    WorkloadInfo info;
    Status status = Status::Ok;
    QString error;
    Samples samples;
    stats::Summary summary;       // over per-iteration times in ns
    double throughputPerS = 0;    // operations per second at the median
    std::int64_t peakRssBytes = 0;
    double userNs = 0;            // CPU time spent in user and system mode while measuring
    double sysNs = 0;
    std::optional<BaselineComparison> baseline;

    std::uint64_t totalIterations() const;
};

// Fills summary, throughput and peak RSS from the samples.
void computeStatistics(Result& result);

// Where and how a run happened.
struct RunInfo {
    QString suiteName;
    QDateTime started;
    QDateTime finished;
    QString host;
    QString cpu;
    int cpuCount = 0;
    QString os;
    QString kernel;
    QString gitCommit;   // empty outside a git checkout
    QString toolVersion;
    double warmUpSeconds = 0;
    double measurementSeconds = 0;
    int sampleCount = 0;
    std::uint64_t fixedIterations = 0;
    bool quickCheck = false;
    RunEnvironment environment; // what makes this run's timings unstable (RunEnvironment.h)
};

// Host, CPU, OS, git commit of the working directory, tool version, and the environment at the
// start of the run (captureEnvironment); times are left empty.
RunInfo describeEnvironment();

// A suite budget (Suite.h) applied to one workload of a run; engine/gates/Budgets.h has the
// rules. Skipped: the workload was not in this run (not selected, or the run was stopped before
// it), or the metric has no value for it. Failed: the limit was broken, or the workload failed.
enum class BudgetStatus { Passed, Failed, Skipped };
QString budgetStatusName(BudgetStatus status);
std::optional<BudgetStatus> budgetStatusFromName(const QString& name);

struct BudgetOutcome {
    QString budgetWorkload;         // as the suite wrote it: an id, an entry's id, or "*"
    QString workload;               // the workload of this run it was applied to
    QString metric;                 // median_ms, mean_ms, p99_ms, peak_rss_mb, throughput_per_s, median_mb
    std::optional<double> max;
    std::optional<double> min;
    std::optional<double> measured; // in the metric's unit; empty when there was nothing to measure
    BudgetStatus status = BudgetStatus::Skipped;
    QString note;                   // why it failed or was skipped, for a reader
};

// A suite claim checked on this run's medians; engine/gates/Claims.h has the rules. Skipped: a
// side was not in this run; failed: a side failed, so there is nothing to compare.
enum class ClaimVerdict { Confirmed, Refuted, Inconclusive, Skipped, Failed };
QString claimVerdictName(ClaimVerdict verdict);
std::optional<ClaimVerdict> claimVerdictFromName(const QString& name);

struct ClaimOutcome {
    QString name;
    QString baseline;  // workload ids
    QString candidate;
    double expectedImprovementPct = 0;
    double tolerancePct = 0;
    double baselineMedian = 0;
    double candidateMedian = 0;
    std::optional<double> improvementPct; // (1 - candidate/baseline) * 100 on the medians
    stats::Interval ci95Pct;              // bootstrap 95% CI of that improvement
    ClaimVerdict verdict = ClaimVerdict::Skipped;
    QString note;
};

struct RunResult {
    RunInfo info;
    std::vector<Result> results;
    bool cancelled = false;
    std::vector<BudgetOutcome> budgets; // filled by evaluateGates (engine/gates/Gates.h)
    std::vector<ClaimOutcome> claims;

    bool anyFailed() const;
};

} // namespace crucible

Q_DECLARE_METATYPE(crucible::Result)
Q_DECLARE_METATYPE(crucible::RunResult)
