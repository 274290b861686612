#pragma once

#include "MeasurementSettings.h"
#include "RunEnvironment.h"
#include "Sample.h"
#include "Statistics.h"
#include "Verdict.h"
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

// One round of a workload's samples (engine/SuiteRunner.h "Rounds"): samples [firstSample,
// firstSample + sampleCount) were taken in round `round`, right after the machine-speed
// reference took `referenceNs` (0 when it was not measured, as in imported results).
struct RoundSlice {
    int round = 0;
    int firstSample = 0;
    int sampleCount = 0;
    double referenceNs = 0;
    bool operator==(const RoundSlice&) const = default;
};

// A level shift inside one result's samples (engine/Stability.h): the samples from
// `shiftIndex` on sit `shiftPct` away from those before, beyond what the machine's own speed
// (the reference) explains.
struct Stability {
    bool unstable = false;
    int shiftIndex = -1;
    double shiftPct = 0;
};

// How much wider than their noise the changes of one run's workloads spread, read from the run
// itself (genomic control, Devlin & Roeder 1999: with many tests, most of them null, the median
// test statistic says how inflated all of them are).
//
// Why: on a shared VM a whole short run can sit in a slow state that no sample escapes and the
// reference kernel does not see; its workloads then move together by 25-50% (in one quick check
// of the default suite, 20 of 50 workloads rose more than 15%, the median +10%), and a history of
// a few calm runs cannot foresee it. One run's workloads are many tests of one machine state:
// when their changes spread far wider than each one's noise allows, that spread is the
// machine's, and each verdict is judged against it. The median is what is read, so a real
// change of up to half the workloads leaves it alone; a change of most of a suite at once is
// read as the machine's (the verdict line says so, the changes still show).
struct RunDispersion {
    double factor = 1; // the variance multiplier judged with (1: none)
    double pValue = 1; // of a median this large when every workload's noise is right
    int workloads = 0; // comparisons it was read from
    bool applied() const { return factor > 1; }
};

// This result against an earlier run of the same workload (filled by the history layer;
// engine/Verdict.h has the rules).
struct BaselineComparison {
    QString name;
    double median = 0;
    double changePct = 0;    // of the medians, raw time
    stats::Interval ci95Pct; // 95% CI of the change the verdict was judged on
    double pValue = 1;
    ChangeVerdict verdict = ChangeVerdict::Inconclusive;
    // The change of time relative to the machine-speed reference, when both runs measured it.
    std::optional<double> relativeChangePct;
    ChangeBasis basis = ChangeBasis::Time; // which change the verdict was judged on
    double judgedChangePct = 0;            // that change (of the fastest time, against the baseline's level)
    double noisePct = 0;                   // the run-to-run noise (1 sd, %) it was judged against
    double dof = 0;                        // of its Student's t test (0: no test was made)
    RunDispersion dispersion;              // the run's, when its variance was widened by it
    int baselineRuns = 1;   // runs the baseline's level was taken over (its own, and steady ones around it)
    QString noiseSource;    // where that came from: "run-to-run ±7.9% over the last 8 runs"
    QString rule;           // the rule that decided
    QString note;           // why a comparison was not made (not comparable, unstable)
    QString settingsDiffer; // JudgeContext::settingsDiffer: the runs' settings differ
    // --fail-on-regression measures a regressed workload again at the end of the run; the gate
    // fires only when this second verdict agrees.
    std::optional<ChangeVerdict> confirmation;
    double confirmationChangePct = 0;
    stats::Interval confirmationCi95Pct;

    // Regressed, and its confirmation (when the run measured it again) agreed: what
    // --fail-on-regression fails on, and what CI formats report as a failure.
    bool isRegression() const
    {
        return verdict == ChangeVerdict::Regressed
            && confirmation.value_or(ChangeVerdict::Regressed) == ChangeVerdict::Regressed;
    }
    // One line a reader can check: "verdict: " and the reasons.
    QString explanation() const;
    // The change the verdict is about, "+4.1%": what the tables show beside the verdict (the
    // medians' change stays in the reasons), so that a table never reads "+47.7% unchanged".
    QString judgedChangeText() const;
    // The change with its CI, the noise it was judged against and where that came from, the
    // rule that decided (and the confirmation, when there was one).
    QString reasons() const;
};

// Everything measured for one workload in one run. Plain data, passed by value.
struct Result {
    WorkloadInfo info;
    Status status = Status::Ok;
    QString error;
    Samples samples;
    stats::Summary summary;    // over per-iteration times in ns
    double throughputPerS = 0; // operations per second at the median
    std::int64_t peakRssBytes = 0;
    double userNs = 0; // CPU time spent in user and system mode while measuring
    double sysNs = 0;
    std::optional<BaselineComparison> baseline;
    // How the samples were taken in rounds; empty for a result measured in one go or imported.
    std::vector<RoundSlice> rounds;
    Stability stability; // filled by computeStatistics

    std::uint64_t totalIterations() const;
};

// Fills summary, throughput, peak RSS and stability from the samples.
void computeStatistics(Result& result);

// The machine-speed reference kernel (engine/ReferenceKernel.h) measured once, `seconds` after
// the run started, before the slot of round `round`.
struct ReferencePoint {
    double seconds = 0;
    int round = 0;
    double ns = 0;
    bool operator==(const ReferencePoint&) const = default;
};

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
    QString gitCommit; // empty outside a git checkout
    QString toolVersion;
    double warmUpSeconds = 0;
    double measurementSeconds = 0;
    int sampleCount = 0;
    std::uint64_t fixedIterations = 0;
    bool quickCheck = false;
    RunEnvironment environment;            // what makes this run's timings unstable (RunEnvironment.h)
    int rounds = 1;                        // rounds the samples were split into
    std::vector<ReferencePoint> reference; // every measurement of the reference, in order
};

// Host, CPU, OS, git commit of the working directory, tool version, and the environment at the
// start of the run (captureEnvironment); times are left empty.
RunInfo describeEnvironment();
// Only what tells machines apart (host, CPU model, CPU count): cheap, for comparisons made
// in the window.
RunInfo describeMachine();
// Writes how a run measures (warm-up, measurement time, samples, iterations, rounds, quick
// check) into its info, as results.json and the history keep it.
void recordSettings(RunInfo& info, const MeasurementSettings& settings, bool quickCheck);

// A suite budget (Suite.h) applied to one workload of a run; engine/gates/Budgets.h has the
// rules. Skipped: the workload was not in this run (not selected, or the run was stopped before
// it), or the metric has no value for it. Failed: the limit was broken, or the workload failed.
enum class BudgetStatus { Passed, Failed, Skipped };
QString budgetStatusName(BudgetStatus status);
std::optional<BudgetStatus> budgetStatusFromName(const QString& name);

struct BudgetOutcome {
    QString budgetWorkload; // as the suite wrote it: an id, an entry's id, or "*"
    QString workload;       // the workload of this run it was applied to
    QString metric;         // median_ms, mean_ms, p99_ms, peak_rss_mb, throughput_per_s, median_mb
    std::optional<double> max;
    std::optional<double> min;
    std::optional<double> measured; // in the metric's unit; empty when there was nothing to measure
    BudgetStatus status = BudgetStatus::Skipped;
    QString note; // why it failed or was skipped, for a reader
};

// A suite claim checked on this run's medians; engine/gates/Claims.h has the rules. Skipped: a
// side was not in this run; failed: a side failed, so there is nothing to compare.
enum class ClaimVerdict { Confirmed, Refuted, Inconclusive, Skipped, Failed };
QString claimVerdictName(ClaimVerdict verdict);
std::optional<ClaimVerdict> claimVerdictFromName(const QString& name);

struct ClaimOutcome {
    QString name;
    QString baseline; // workload ids
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
    // --fail-on-regression: the regressed workloads measured a second time at the end of the
    // run (engine/cli/HeadlessRun.cpp); the verdict of each is in its result's baseline.
    std::vector<Result> confirmations;

    bool anyFailed() const;
};

} // namespace crucible

Q_DECLARE_METATYPE(crucible::Result)
Q_DECLARE_METATYPE(crucible::ReferencePoint)
Q_DECLARE_METATYPE(crucible::RunResult)
