#include "Comparison.h"

#include "Stability.h"
#include "StudentT.h"

#include <cmath>

namespace crucible {

SampleComparison compareSamples(std::span<const double> baseline, std::span<const double> candidate)
{
    SampleComparison c;
    c.baselineMedian = stats::median(baseline);
    c.candidateMedian = stats::median(candidate);
    if (baseline.empty() || candidate.empty() || c.baselineMedian <= 0)
        return c;
    c.changePct = (c.candidateMedian / c.baselineMedian - 1) * 100;
    const stats::Interval ratio = stats::bootstrapMedianRatioCI(baseline, candidate);
    c.ci95Pct = {(ratio.low - 1) * 100, (ratio.high - 1) * 100};
    c.pValue = stats::mannWhitneyU(baseline, candidate).pValue;
    return c;
}

namespace {

double pct(double logRatio)
{
    return std::expm1(logRatio) * 100;
}

QString signedPct(double value)
{
    return QStringLiteral("%1%2%").arg(value >= 0 ? QStringLiteral("+") : QString()).arg(value, 0, 'f', 1);
}

// The typical step between successive levels (ln units): the median of their distances, so
// that one real change in the history (a regression, then its fix) does not decide which
// basis is steadier. 0 with fewer than two levels.
double typicalStep(const std::vector<Level>& levels)
{
    std::vector<double> steps;
    for (std::size_t i = 1; i < levels.size(); ++i)
        steps.push_back(std::abs(levels[i - 1].value - levels[i].value));
    return steps.empty() ? 0 : stats::median(steps);
}

// Runs of history needed before the relative time may be chosen, and how much steadier (its
// typical step against the raw time's) it must be.
constexpr std::size_t kRunsToChooseBasis = 3;
constexpr double kRelativeSteadier = 0.75;

struct Basis {
    ChangeBasis basis = ChangeBasis::Time;
    Level baseline;
    Level candidate;
    std::vector<Level> history;
    std::optional<std::size_t> baselineInHistory; // the baseline's place in `history`
};

// The raw time, unless the workload's own history (kRunsToChooseBasis runs or more) shows its
// time relative to the reference moving clearly less from run to run (a machine whose speed
// changes between runs as a whole, which the reference sees). On this VM the fastest time
// already steps over the slow phases, and dividing by the reference's fastest time added its
// own noise: replayed over the same runs, judging on relative time found fewer real steps
// (docs/DESIGN.md "Verdicts").
Basis chooseBasis(const RunLevels& baseline, const RunLevels& candidate, const JudgeContext& context)
{
    std::vector<Level> time;
    std::vector<Level> relative;
    std::optional<std::size_t> timeAt;
    std::optional<std::size_t> relativeAt;
    for (std::size_t i = 0; i < context.history.size(); ++i) {
        const RunLevels levels = levelsOf(context.history[i]);
        if (!levels.time)
            continue;
        if (context.baselineInHistory == i)
            timeAt = time.size();
        time.push_back(*levels.time);
        if (!levels.relative)
            continue;
        if (context.baselineInHistory == i)
            relativeAt = relative.size();
        relative.push_back(*levels.relative);
    }
    // The time relative to the reference only where the history shows it clearly steadier.
    const bool relativeSteadier = relative.size() >= kRunsToChooseBasis && relative.size() == time.size()
        && typicalStep(relative) < kRelativeSteadier * typicalStep(time);
    if (baseline.relative && candidate.relative && relativeSteadier)
        return {ChangeBasis::RelativeTime, *baseline.relative, *candidate.relative, std::move(relative), relativeAt};
    return {ChangeBasis::Time, *baseline.time, *candidate.time, std::move(time), timeAt};
}

// The baseline's level and that estimate's variance: over the steady runs around it in the
// history (NoiseModel.h steadyWindow) when there are some, as Bencher tests against a window of
// history; else its run alone. A mean of m runs has 1/m of one run's run-to-run variance
// (docs/DESIGN.md has what that changed in replayed runs).
struct BaselineEstimate {
    double value = 0;
    double variance = 0;
    int runs = 1;
};

BaselineEstimate estimateBaseline(const Basis& basis, double runToRunSd)
{
    const double runVariance = runToRunSd * runToRunSd;
    BaselineEstimate e{basis.baseline.value, runVariance, 1};
    if (!basis.baselineInHistory)
        return e;
    const std::vector<std::size_t> window = steadyWindow(basis.history, *basis.baselineInHistory);
    if (window.size() < 2)
        return e;
    const double m = double(window.size());
    double sum = 0;
    for (std::size_t i : window)
        sum += basis.history[i].value;
    return {sum / m, runVariance / m, int(window.size())};
}

QString noiseSourceText(const RunToRunNoise& noise, int baselineRuns)
{
    const QString sd = QStringLiteral("±%1%").arg(pct(noise.sd), 0, 'f', 1);
    if (baselineRuns > 1)
        return QStringLiteral("%1; the baseline's level over it and %2 steady run%3 around it")
            .arg(noiseSourceText(noise, 1))
            .arg(baselineRuns - 1)
            .arg(baselineRuns == 2 ? QString() : QStringLiteral("s"));
    if (noise.historyRuns < 2)
        return QStringLiteral("run-to-run %1 assumed (prior: twice the runs' own standard error, at least %2%; "
                              "too little history to learn it)")
            .arg(sd)
            .arg(kPriorFloorPct, 0, 'f', 0);
    return QStringLiteral("run-to-run %1 over the last %2 runs (history alone ±%3%, pooled with the prior)")
        .arg(sd)
        .arg(noise.historyRuns)
        .arg(pct(noise.historySd), 0, 'f', 1);
}

// What a dispersed run did to the noise, or nothing.
QString dispersionText(const RunDispersion& d)
{
    if (!d.applied())
        return {};
    return QStringLiteral("; widened %1× since this run's %2 workloads changed that much more than their noise allows "
                          "(p = %3: the machine more likely than that many changes)")
        .arg(std::sqrt(d.factor), 0, 'f', 1)
        .arg(d.workloads)
        .arg(d.pValue, 0, 'g', 2);
}

// A workload that spends at least half of its wall time on a CPU (more than all of it when it
// runs threads) competes with whatever else runs; one that mostly waits (a sleep, the disk)
// hardly notices it.
bool cpuBound(const Result& r)
{
    double wall = 0;
    for (const Sample& s : r.samples)
        wall += s.elapsedNs;
    return wall > 0 && (r.userNs + r.sysNs) >= 0.5 * wall;
}

QString stabilityNote(const char* side, const Stability& s)
{
    return QStringLiteral("the %1's %2").arg(QString::fromLatin1(side), describeShift(s));
}

} // namespace

BaselineComparison judgeChange(const Result& baseline, const Result& candidate, const JudgeContext& context)
{
    BaselineComparison b;
    b.name = context.baselineName;
    b.settingsDiffer = context.settingsDiffer;
    const std::vector<double> before = perIterationTimes(baseline.samples);
    const std::vector<double> after = perIterationTimes(candidate.samples);
    b.median = stats::median(before);
    const double candidateMedian = stats::median(after);
    if (b.median > 0)
        b.changePct = (candidateMedian / b.median - 1) * 100;

    const RunLevels levelsBefore = levelsOf(baseline);
    const RunLevels levelsAfter = levelsOf(candidate);
    if (!levelsBefore.time || !levelsAfter.time || b.median <= 0) {
        b.verdict = ChangeVerdict::Inconclusive;
        b.note = QStringLiteral("nothing to compare: a side has no positive samples");
        b.judgedChangePct = b.changePct;
        b.rule = b.note;
        return b;
    }
    if (levelsBefore.relative && levelsAfter.relative)
        b.relativeChangePct = pct(levelsAfter.relative->value - levelsBefore.relative->value);

    const double threshold = context.noiseThresholdPct;
    if (!context.incomparable.isEmpty()) {
        b.verdict = ChangeVerdict::NotComparable;
        b.note = context.incomparable;
        b.judgedChangePct = b.changePct;
        b.ci95Pct = {b.changePct, b.changePct};
        b.rule = QStringLiteral("runs on different machines are never called regressed or improved");
        return b;
    }

    const Basis basis = chooseBasis(levelsBefore, levelsAfter, context);
    b.basis = basis.basis;
    // Without history, the two runs compared say what a run's error typically is. The
    // candidate's own error is judged by its excess below, not by doubting the history.
    const double runSe =
        basis.history.empty() ? std::max(basis.baseline.se, basis.candidate.se) : typicalSe(basis.history);
    const double priorSd = std::max(kPriorSeFactor * runSe, std::log1p(kPriorFloorPct / 100));
    const RunToRunNoise noise = runToRunNoise(basis.history, priorSd);
    const BaselineEstimate level = estimateBaseline(basis, noise.sd);
    const double delta = basis.candidate.value - level.value;
    // The candidate is one more run: its run-to-run variance, and whatever its own error has
    // beyond what the history's runs had (a run noisier than usual is judged so).
    const double excessSe2 = std::max(0.0, basis.candidate.se * basis.candidate.se - noise.typicalSe * noise.typicalSe);
    // A run whose workloads' changes spread wider than their noise allows widens every one
    // (RunDispersion.h).
    const double variance = (level.variance + noise.sd * noise.sd + excessSe2) * context.dispersion.factor;
    const double sd = std::sqrt(variance);
    const double t = sd > 0 ? delta / sd : (delta == 0 ? 0 : std::copysign(INFINITY, delta));
    const double q = stats::studentTQuantile(0.975, noise.dof);
    b.pValue = stats::studentTTwoSidedP(t, noise.dof);
    b.judgedChangePct = pct(delta);
    b.ci95Pct = {pct(delta - q * sd), pct(delta + q * sd)};
    b.noisePct = pct(noise.sd);
    b.noiseSource = noiseSourceText(noise, level.runs) + dispersionText(context.dispersion);
    b.baselineRuns = level.runs;
    b.dof = noise.dof;
    b.dispersion = context.dispersion;

    const bool significant = b.pValue < kSignificanceLevel;
    const QString test = QStringLiteral("p = %1 (Student's t over rounds and runs, %2 dof)")
                             .arg(b.pValue, 0, 'g', 2)
                             .arg(noise.dof, 0, 'f', 0);
    if (significant && b.ci95Pct.low > threshold) {
        b.verdict = ChangeVerdict::Regressed;
        b.rule = QStringLiteral("%1 < %2 and the whole CI above +%3%").arg(test).arg(kSignificanceLevel).arg(threshold);
    } else if (significant && b.ci95Pct.high < -threshold) {
        b.verdict = ChangeVerdict::Improved;
        b.rule = QStringLiteral("%1 < %2 and the whole CI below −%3%").arg(test).arg(kSignificanceLevel).arg(threshold);
    } else if (b.ci95Pct.low >= -threshold && b.ci95Pct.high <= threshold) {
        b.verdict = ChangeVerdict::Unchanged;
        b.rule = QStringLiteral("the whole CI within ±%1%").arg(threshold);
    } else if (!significant && std::abs(b.judgedChangePct) <= threshold) {
        b.verdict = ChangeVerdict::Unchanged;
        b.rule = QStringLiteral("%1 ≥ %2 and the change within ±%3%").arg(test).arg(kSignificanceLevel).arg(threshold);
    } else {
        b.verdict = ChangeVerdict::Inconclusive;
        b.rule = significant
            ? QStringLiteral("%1, but the CI reaches into ±%2%").arg(test).arg(threshold)
            : QStringLiteral("%1 ≥ %2: the change is within the noise").arg(test).arg(kSignificanceLevel);
    }
    if (!context.busyMachine.isEmpty()) {
        b.note = context.busyMachine;
        const bool change = b.verdict == ChangeVerdict::Regressed || b.verdict == ChangeVerdict::Improved;
        if (change && (cpuBound(baseline) || cpuBound(candidate))) {
            b.rule = QStringLiteral("would be %1 (%2), but %3, and this workload keeps a CPU busy: its time then "
                                    "depends on what else ran")
                         .arg(verdictName(b.verdict), b.rule, context.busyMachine);
            b.verdict = ChangeVerdict::Inconclusive;
        } else {
            b.rule += QStringLiteral("; caution: %1").arg(context.busyMachine);
        }
    }
    if (b.verdict == ChangeVerdict::Regressed || b.verdict == ChangeVerdict::Improved) {
        QStringList shifts;
        if (baseline.stability.unstable)
            shifts << stabilityNote("baseline", baseline.stability);
        if (candidate.stability.unstable)
            shifts << stabilityNote("candidate", candidate.stability);
        if (!shifts.isEmpty()) {
            b.note = shifts.join(QStringLiteral("; "));
            b.rule = QStringLiteral("would be %1 (%2), but %3: a level shift inside a run is never a verdict by itself")
                         .arg(verdictName(b.verdict), b.rule, b.note);
            b.verdict = ChangeVerdict::Unstable;
        }
    }
    return b;
}

QString nothingToCompareYet(const QString& howToSave)
{
    return QStringLiteral("No earlier result to compare with yet (the first run of this suite on this host?): the next "
                          "run is compared with this one; to keep a run as a named baseline, %1.")
        .arg(howToSave);
}

QString incomparability(const RunInfo& baseline, const RunInfo& candidate)
{
    if (!baseline.host.isEmpty() && !candidate.host.isEmpty() && baseline.host != candidate.host)
        return QStringLiteral("the baseline ran on host %1, this run on %2").arg(baseline.host, candidate.host);
    // Runs recorded before the model was read properly name only the architecture ("x86_64"):
    // that says nothing about the model, so only two model names are compared.
    const auto isModel = [](const QString& cpu) { return cpu.contains(QLatin1Char(' ')); };
    if (isModel(baseline.cpu) && isModel(candidate.cpu) && baseline.cpu != candidate.cpu)
        return QStringLiteral("the baseline ran on a %1, this run on a %2").arg(baseline.cpu, candidate.cpu);
    return {};
}

QString busyMachine(const RunInfo& baseline, const RunInfo& candidate)
{
    const auto busy = [](const RunInfo& run) {
        return std::any_of(run.environment.warnings.begin(), run.environment.warnings.end(),
                           [](const EnvironmentWarning& w) { return w.key == QLatin1String("load_during_run"); });
    };
    if (busy(candidate))
        return QStringLiteral("other processes competed for the CPUs during this run (environment: load_during_run)");
    if (busy(baseline))
        return QStringLiteral(
            "other processes competed for the CPUs during the baseline's run (environment: load_during_run)");
    return {};
}

QString settingsDifference(const RunInfo& baseline, const RunInfo& candidate)
{
    QStringList differ;
    const auto seconds = [](double s) { return QStringLiteral("%1 s").arg(s, 0, 'g', 3); };
    const auto iterations = [](std::uint64_t n) {
        return n ? QStringLiteral("%1 fixed").arg(n) : QStringLiteral("calibrated");
    };
    const auto differs = [&](const char* what, const QString& before, const QString& after) {
        if (before != after)
            differ << QStringLiteral("%1 %2 → %3").arg(QLatin1String(what), before, after);
    };
    // An imported run (Google Benchmark, hyperfine) has none of our settings: nothing to compare.
    // Its sample count is the file's repetitions, but no run of ours measures for 0 s.
    const auto ours = [](const RunInfo& run) { return run.sampleCount > 0 && run.measurementSeconds > 0; };
    if (ours(baseline) && ours(candidate)) {
        if (baseline.quickCheck != candidate.quickCheck)
            differ << (baseline.quickCheck ? QStringLiteral("quick check → full length")
                                           : QStringLiteral("full length → quick check"));
        differs("samples", QString::number(baseline.sampleCount), QString::number(candidate.sampleCount));
        differs("rounds", QString::number(baseline.rounds), QString::number(candidate.rounds));
        differs("iterations", iterations(baseline.fixedIterations), iterations(candidate.fixedIterations));
        differs("warm-up", seconds(baseline.warmUpSeconds), seconds(candidate.warmUpSeconds));
        differs("measurement", seconds(baseline.measurementSeconds), seconds(candidate.measurementSeconds));
    }
    const QString buildBefore = baseline.environment.buildType;
    const QString buildAfter = candidate.environment.buildType;
    if (!buildBefore.isEmpty() && !buildAfter.isEmpty())
        differs("build type", buildBefore, buildAfter);
    return differ.join(QStringLiteral(", "));
}

void compareWithBaseline(Result& candidate, const Result& baseline, const JudgeContext& context)
{
    if (candidate.samples.empty() || baseline.samples.empty() || candidate.status != Status::Ok
        || baseline.status != Status::Ok) {
        candidate.baseline.reset();
        return;
    }
    candidate.baseline = judgeChange(baseline, candidate, context);
}

} // namespace crucible

namespace crucible {

QString BaselineComparison::judgedChangeText() const
{
    return signedPct(judgedChangePct);
}

QString BaselineComparison::explanation() const
{
    return QStringLiteral("%1: %2").arg(verdictName(verdict), reasons());
}

QString BaselineComparison::reasons() const
{
    QString change = QStringLiteral("%1 (95% CI %2 … %3)")
                         .arg(signedPct(judgedChangePct), signedPct(ci95Pct.low), signedPct(ci95Pct.high));
    // The verdict's change is of the fastest time (NoiseModel.h); the medians' change is shown
    // beside it, as the tables show medians.
    if (basis == ChangeBasis::RelativeTime)
        change += QStringLiteral(" in the fastest time relative to the machine reference; medians %1")
                      .arg(signedPct(changePct));
    else if (relativeChangePct)
        change += QStringLiteral(" in the fastest time (relative to the machine reference %1); medians %2")
                      .arg(signedPct(*relativeChangePct), signedPct(changePct));
    else
        change += QStringLiteral(" in the fastest time; medians %1").arg(signedPct(changePct));
    QString line = change;
    if (!noiseSource.isEmpty())
        line += QStringLiteral("; noise: %1").arg(noiseSource);
    if (!rule.isEmpty())
        line += QStringLiteral("; rule: %1").arg(rule);
    if (!settingsDiffer.isEmpty())
        line += QStringLiteral("; settings differ: %1").arg(settingsDiffer);
    if (confirmation)
        line += QStringLiteral("; confirmation: %1 %2 (95% CI %3 … %4)")
                    .arg(verdictName(*confirmation), signedPct(confirmationChangePct),
                         signedPct(confirmationCi95Pct.low), signedPct(confirmationCi95Pct.high));
    return line;
}

} // namespace crucible
