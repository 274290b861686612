// Verdicts on a noisy machine: Student's t, the run levels over rounds, the run-to-run noise
// learnt from a history, the verdict rules, level shifts, and rounds in a real session.
#include "Comparison.h"
#include "CsvReader.h"
#include "ErrorText.h"
#include "NoiseModel.h"
#include "RunDispersion.h"
#include "Session.h"
#include "SpinWorkload.h"
#include "Stability.h"
#include "StudentT.h"
#include "cli/RunHistory.h"
#include "export/TextReports.h"
#include "interop/ResultsJson.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace crucible;

namespace {

// A result of `rounds` rounds of `perRound` samples whose per-iteration time is `level` ns
// times a machine factor per round, times small per-sample noise; the reference of each round
// carries the same machine factor, as a real slow phase does.
Result syntheticResult(double level, int rounds, int perRound, std::uint32_t seed,
                       const std::vector<double>& machine = {}, double sampleNoise = 0.01)
{
    std::mt19937 random(seed);
    std::normal_distribution<double> noise(0, sampleNoise);
    Result r;
    r.info.id = QStringLiteral("test.synthetic");
    for (int k = 0; k < rounds; ++k) {
        const double factor = machine.empty() ? 1.0 : machine[std::size_t(k) % machine.size()];
        RoundSlice slice{k, int(r.samples.size()), perRound, 1e6 * factor};
        for (int i = 0; i < perRound; ++i) {
            Sample s;
            s.iterations = 100;
            s.elapsedNs = level * factor * std::exp(noise(random)) * 100;
            r.samples.push_back(s);
        }
        r.rounds.push_back(slice);
    }
    computeStatistics(r);
    return r;
}

// A workload whose cost jumps by `factor` after `at` samples (counted by its run() calls of
// one fixed iteration each): the kind of level shift a result must be marked unstable for.
class ShiftingWorkload : public BasicWorkload {
public:
    ShiftingWorkload(int at, double factor)
        : BasicWorkload({QStringLiteral("test.shifting"), Category::System, QStringLiteral("cost jumps mid-run")}),
          m_at(at), m_factor(factor)
    { }
    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        // 2 ms a sample: long beside a scheduler's time slice, so that a preempted sample on a
        // loaded machine moves a segment's mean far less than the injected shift does.
        const double ns = m_calls++ >= m_at ? 2'000'000 * m_factor : 2'000'000;
        SpinWorkload(ns * double(iterations)).run(1, stop);
    }

private:
    int m_at;
    double m_factor;
    int m_calls = 0;
};

SessionPlan planOf(std::vector<std::unique_ptr<Workload>> workloads, MeasurementSettings settings)
{
    SessionPlan plan;
    plan.settings = settings;
    plan.workloads = std::move(workloads);
    return plan;
}

RunResult runToEnd(SessionPlan plan)
{
    Session session(std::move(plan));
    QSignalSpy finished(&session, &Session::finished);
    session.start();
    if (!finished.wait(60'000))
        return {};
    return finished.first().first().value<RunResult>();
}

} // namespace

class TestVerdicts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void studentT();
    void levelsUseRoundsAndReference();
    void levelsWithoutRoundsUseBlocks();
    void runToRunNoiseFromHistory();
    void steadyWindowAroundTheBaseline();
    void unchangedHistoryGivesNoChange();
    void realStepIsFoundOnceTheHistoryIsSteady();
    void noisyHistoryHidesTheSameStep();
    void machinePhaseCancelsInRelativeTime();
    void runDispersionNeedsManyWorkloadsMovingTogether();
    void wholeRunThatMovedIsJudgedAgainstItsSpread();
    void levelShiftIsUnstable();
    void unstableIsNeverAChange();
    void otherHostIsNotComparable();
    void busyMachineIsNamedInTheVerdict();
    void explanationNamesNoiseAndRule();
    void settingsThatDifferMarkTheVerdict();
    void summaryCountsEveryVerdict();
    void roundsInterleaveWorkloadsAndRecordTheReference();
    void stopKeepsCompletedRounds();
    void injectedShiftInARealRunIsUnstable();
    void instabilityAndVerdictLinesInEveryTextOutput();
};

void TestVerdicts::studentT()
{
    // Quantiles from any t table.
    QVERIFY(std::abs(stats::studentTQuantile(0.975, 2) - 4.302653) < 1e-5);
    QVERIFY(std::abs(stats::studentTQuantile(0.975, 5) - 2.570582) < 1e-5);
    QVERIFY(std::abs(stats::studentTQuantile(0.995, 10) - 3.169273) < 1e-5);
    QVERIFY(std::abs(stats::studentTQuantile(0.975, 1e6) - 1.959966) < 1e-4);
    QVERIFY(std::abs(stats::studentTTwoSidedP(2.228139, 10) - 0.05) < 1e-5);
    QCOMPARE(stats::studentTTwoSidedP(0, 4), 1.0);
    QVERIFY(std::abs(stats::studentTCdf(-1.0, 3) - 0.195501) < 1e-5);
}

void TestVerdicts::levelsUseRoundsAndReference()
{
    // Rounds alternate between a normal and a 30% slow machine: the level is the fastest time,
    // which the slow rounds do not move, and relative to the fastest reference.
    const Result r = syntheticResult(1000, 10, 5, 1, {1.0, 1.3}, 0.001);
    const RunLevels levels = levelsOf(r);
    QVERIFY(levels.time && levels.relative);
    QCOMPARE(levels.time->replicates, 10);
    QVERIFY(std::abs(levels.time->value - std::log(1000)) < 0.005);
    QVERIFY(std::abs(levels.relative->value - std::log(1000 / 1e6)) < 0.005);
    const RunLevels steady = levelsOf(syntheticResult(1000, 10, 5, 1, {}, 0.001));
    QVERIFY(std::abs(levels.time->value - steady.time->value) < 0.005);
    // Resampling the rounds gives a small error when every round reaches the same floor.
    QVERIFY(levels.time->se < 0.005);
    QVERIFY(levelsOf(syntheticResult(1000, 10, 5, 1, {}, 0.05)).time->se > levels.time->se);
}

void TestVerdicts::levelsWithoutRoundsUseBlocks()
{
    Result r = syntheticResult(500, 1, 40, 2);
    r.rounds.clear();
    const RunLevels levels = levelsOf(r);
    QVERIFY(levels.time);
    QVERIFY(!levels.relative);
    QCOMPARE(levels.time->replicates, 5);
    // The fastest of 40 samples with 1% noise: a few % below the centre, never above it.
    QVERIFY(levels.time->value < std::log(500) && levels.time->value > std::log(500) - 0.04);
}

void TestVerdicts::runToRunNoiseFromHistory()
{
    // Levels alternating 0 and ln(1.05), no within-run error: the sample sd of the levels.
    std::vector<Level> history;
    std::vector<double> values;
    for (int i = 0; i < 8; ++i) {
        history.push_back(Level{10, i % 2 ? std::log(1.05) : 0.0, 0});
        values.push_back(history.back().value);
    }
    const RunToRunNoise noise = runToRunNoise(history, 0.0);
    QCOMPARE(noise.historyRuns, 8);
    QVERIFY(std::abs(noise.historySd - stats::stddev(values)) < 1e-12);
    QCOMPARE(noise.dof, kPriorDof + 7);
    // The runs' own errors stay in (they are part of what the next run's level carries) and
    // are told apart only as the typical error.
    for (Level& l : history)
        l.se = 0.01;
    const RunToRunNoise withErrors = runToRunNoise(history, 0.0);
    QVERIFY(std::abs(withErrors.historySd - stats::stddev(values)) < 1e-12);
    QVERIFY(std::abs(withErrors.typicalSe - 0.01) < 1e-12);
    // One run far out (a whole run in a slow state) counts as kClipAt robust sds, not in full.
    std::vector<Level> outlier;
    std::vector<double> outlierValues;
    for (int i = 0; i < 8; ++i) {
        outlier.push_back(Level{10, (i == 3 ? 0.2 : 0.0) + 0.01 * (i % 2), 0});
        outlierValues.push_back(outlier.back().value);
    }
    QVERIFY(!realStep(outlier)); // two large steps, into it and out of it: no change
    const double clippedSd = runToRunNoise(outlier, 0.0).historySd;
    QVERIFY2(clippedSd < 0.02 && stats::stddev(outlierValues) > 0.06, qPrintable(QString::number(clippedSd)));
    // A real step among steady runs ends the history there: the runs before it are left out.
    std::vector<Level> stepped;
    for (int i = 0; i < 8; ++i)
        stepped.push_back(Level{10, (i < 4 ? std::log(1.2) : 0.0) + 0.001 * (i % 2), 0});
    QCOMPARE(realStep(stepped), std::optional<std::size_t>(4));
    const RunToRunNoise aroundStep = runToRunNoise(stepped, 0.0);
    QCOMPARE(aroundStep.historyRuns, 8);
    QCOMPARE(aroundStep.dof, kPriorDof + 6); // 3 + 3 from the two stretches
    QVERIFY(aroundStep.historySd < 0.001);
    QVERIFY(!realStep(std::span<const Level>(stepped).first(4)));
    // No history: the prior alone.
    const RunToRunNoise prior = runToRunNoise({}, 0.04);
    QCOMPARE(prior.sd, 0.04);
    QCOMPARE(prior.dof, kPriorDof);
}

void TestVerdicts::steadyWindowAroundTheBaseline()
{
    std::vector<Level> history;
    for (int i = 0; i < 6; ++i)
        history.push_back(Level{10, 0.005 * (i % 2), 0});
    QCOMPARE(steadyWindow(history, 0).size(), std::size_t(6));
    // A run caught in a slow state leaves the window; the others stay.
    history[3].value = 0.08;
    const std::vector<std::size_t> withoutOutlier = steadyWindow(history, 0);
    QCOMPARE(withoutOutlier, (std::vector<std::size_t>{0, 1, 2, 4, 5}));
    // The newest run 10% up (a regression just landed, or a slow run): it stands alone.
    history[3].value = 0.0;
    history[0].value = std::log(1.1);
    QVERIFY(steadyWindow(history, 0).empty());
    // A real step two runs back: the window is the stretch since.
    std::vector<Level> stepped;
    for (int i = 0; i < 7; ++i)
        stepped.push_back(Level{10, (i < 3 ? std::log(1.2) : 0.0) + 0.001 * (i % 2), 0});
    QCOMPARE(steadyWindow(stepped, 0), (std::vector<std::size_t>{0, 1, 2}));
    QCOMPARE(steadyWindow(stepped, 4), (std::vector<std::size_t>{3, 4, 5, 6}));
    QVERIFY(steadyWindow(stepped, 7).empty());
}

void TestVerdicts::unchangedHistoryGivesNoChange()
{
    std::vector<Result> history;
    for (std::uint32_t i = 0; i < 6; ++i)
        history.push_back(syntheticResult(1000 * (1 + 0.01 * ((i % 3) - 1.0)), 10, 5, 10 + i));
    JudgeContext context;
    context.history = history;
    const Result candidate = syntheticResult(1000, 10, 5, 99);
    const BaselineComparison b = judgeChange(history.front(), candidate, context);
    QVERIFY2(b.verdict == ChangeVerdict::Unchanged || b.verdict == ChangeVerdict::Inconclusive,
             qPrintable(b.explanation()));
}

void TestVerdicts::realStepIsFoundOnceTheHistoryIsSteady()
{
    std::vector<Result> history;
    for (std::uint32_t i = 0; i < 6; ++i)
        history.push_back(syntheticResult(1000, 10, 5, 20 + i, {}, 0.005));
    JudgeContext context;
    context.history = history;
    context.baselineInHistory = 0;
    const BaselineComparison up = judgeChange(history.front(), syntheticResult(1100, 10, 5, 40, {}, 0.005), context);
    QVERIFY2(up.verdict == ChangeVerdict::Regressed, qPrintable(up.explanation()));
    QVERIFY(up.ci95Pct.low > 2 && up.ci95Pct.high > 10 - 3 && up.ci95Pct.low < 10);
    const BaselineComparison down = judgeChange(history.front(), syntheticResult(900, 10, 5, 41, {}, 0.005), context);
    QVERIFY2(down.verdict == ChangeVerdict::Improved, qPrintable(down.explanation()));
}

void TestVerdicts::noisyHistoryHidesTheSameStep()
{
    // The same +10%, on a workload whose level moves ±15% between runs: not a verdict.
    std::vector<Result> history;
    const double levels[] = {1000, 1150, 880, 1120, 900, 1100};
    for (std::uint32_t i = 0; i < 6; ++i)
        history.push_back(syntheticResult(levels[i], 10, 5, 30 + i, {}, 0.005));
    JudgeContext context;
    context.history = history;
    const BaselineComparison b = judgeChange(history.front(), syntheticResult(1100, 10, 5, 50, {}, 0.005), context);
    QVERIFY2(b.verdict != ChangeVerdict::Regressed, qPrintable(b.explanation()));
    QVERIFY(b.noisePct > 5);
    QVERIFY(b.noiseSource.contains(QStringLiteral("last 6 runs")));
}

namespace {

BaselineComparison tested(double pValue, double dof = 6)
{
    BaselineComparison b;
    b.pValue = pValue;
    b.dof = dof;
    return b;
}

} // namespace

void TestVerdicts::runDispersionNeedsManyWorkloadsMovingTogether()
{
    // Ten workloads whose p-values spread as right noise gives them: nothing to widen.
    std::vector<BaselineComparison> calm;
    for (int i = 0; i < 10; ++i)
        calm.push_back(tested(0.05 + 0.1 * i));
    RunDispersion d = runDispersion(calm);
    QCOMPARE(d.workloads, 10);
    QVERIFY(!d.applied());
    QVERIFY(d.pValue > 0.3);
    // Six of them far out together: the run moved, and the factor is the median's.
    std::vector<BaselineComparison> moved = calm;
    for (int i = 0; i < 6; ++i)
        moved[std::size_t(i)] = tested(1e-6);
    d = runDispersion(moved);
    QVERIFY(d.applied());
    QVERIFY(d.pValue < 0.01);
    QVERIFY2(d.factor > 40 && d.factor < 60, qPrintable(QString::number(d.factor))); // z = 4.89: z² / 0.455
    // One far out is a change of its own, not the machine's.
    std::vector<BaselineComparison> one = calm;
    one[0] = tested(1e-9);
    QVERIFY(!runDispersion(one).applied());
    // Seven workloads say too little; untested comparisons (not comparable) do not count.
    moved.resize(7);
    QVERIFY(!runDispersion(moved).applied());
    moved.push_back(tested(1e-6, 0));
    QCOMPARE(runDispersion(moved).workloads, 7);
}

void TestVerdicts::wholeRunThatMovedIsJudgedAgainstItsSpread()
{
    // Ten workloads with calm histories; in the new run six of them are 30% slower together, as
    // a short run caught whole in a slow state of the machine is. Each alone would be a
    // regression; together they are the run's spread, and the verdict line says so.
    const auto judgeRun = [](int slower) {
        std::vector<std::vector<Result>> histories(10);
        std::vector<Result> candidates;
        std::vector<PendingComparison> pending;
        for (std::uint32_t w = 0; w < 10; ++w) {
            for (std::uint32_t i = 0; i < 6; ++i)
                histories[w].push_back(syntheticResult(1000, 10, 5, 100 * w + i, {}, 0.005));
            candidates.push_back(syntheticResult(int(w) < slower ? 1300 : 1000, 10, 5, 100 * w + 50, {}, 0.005));
        }
        for (std::size_t w = 0; w < 10; ++w) {
            JudgeContext context;
            context.history = histories[w];
            context.baselineInHistory = 0;
            pending.push_back({&candidates[w], &histories[w].front(), context});
        }
        const RunDispersion d = compareRun(pending);
        return std::make_pair(d, candidates);
    };
    const auto [dispersed, moved] = judgeRun(6);
    QVERIFY(dispersed.applied());
    for (int w = 0; w < 6; ++w) {
        const BaselineComparison& b = *moved[std::size_t(w)].baseline;
        QVERIFY2(b.verdict != ChangeVerdict::Regressed, qPrintable(b.explanation()));
        QVERIFY2(b.judgedChangePct > 25, qPrintable(b.explanation())); // the change still shows
        QVERIFY2(b.explanation().contains(QStringLiteral("widened")), qPrintable(b.explanation()));
        QCOMPARE(b.dispersion.factor, dispersed.factor);
    }
    // One workload 30% slower in a calm run stays a regression, with no word of dispersion.
    const auto [calm, alone] = judgeRun(1);
    QVERIFY(!calm.applied());
    QVERIFY2(alone[0].baseline->verdict == ChangeVerdict::Regressed, qPrintable(alone[0].baseline->explanation()));
    QVERIFY(!alone[0].baseline->explanation().contains(QStringLiteral("widened")));
}

void TestVerdicts::machinePhaseCancelsInRelativeTime()
{
    // Whole runs on a slower or faster machine (the reference moves with them): relative time
    // is steady, so it is chosen, and an unchanged workload on a 30% slower machine is no
    // regression.
    std::vector<Result> history;
    const double machine[] = {1.0, 1.3, 0.9, 1.25, 1.0, 1.1};
    for (std::uint32_t i = 0; i < 6; ++i)
        history.push_back(syntheticResult(1000, 10, 5, 60 + i, {machine[i]}, 0.005));
    JudgeContext context;
    context.history = history;
    const BaselineComparison b = judgeChange(history.front(), syntheticResult(1000, 10, 5, 70, {1.3}, 0.005), context);
    QCOMPARE(b.basis, ChangeBasis::RelativeTime);
    QVERIFY(b.changePct > 25); // the raw change
    QVERIFY2(b.verdict == ChangeVerdict::Unchanged, qPrintable(b.explanation()));
    QVERIFY(b.relativeChangePct && std::abs(*b.relativeChangePct) < 2);
}

void TestVerdicts::levelShiftIsUnstable()
{
    Result r = syntheticResult(1000, 1, 30, 80, {}, 0.01);
    for (std::size_t i = 18; i < r.samples.size(); ++i)
        r.samples[i].elapsedNs *= 1.5;
    computeStatistics(r);
    QVERIFY(r.stability.unstable);
    QCOMPARE(r.stability.shiftIndex, 18);
    QVERIFY(std::abs(r.stability.shiftPct - 50) < 3);
    // The same shift in the machine (the reference moves with it) is no instability.
    Result phase = syntheticResult(1000, 6, 5, 81, {1.0, 1.0, 1.0, 1.5, 1.5, 1.5}, 0.01);
    QVERIFY(!phase.stability.unstable);
    // Steady samples are stable.
    QVERIFY(!syntheticResult(1000, 10, 5, 82).stability.unstable);
}

void TestVerdicts::unstableIsNeverAChange()
{
    std::vector<Result> history;
    for (std::uint32_t i = 0; i < 6; ++i)
        history.push_back(syntheticResult(1000, 10, 5, 90 + i, {}, 0.005));
    // Three times slower, clearly beyond any noise, and its samples jump again at sample 10.
    Result candidate = syntheticResult(3000, 10, 5, 97, {}, 0.005);
    for (std::size_t i = 10; i < candidate.samples.size(); ++i)
        candidate.samples[i].elapsedNs *= 1.6;
    computeStatistics(candidate);
    QVERIFY(candidate.stability.unstable);
    JudgeContext context;
    context.history = history;
    const BaselineComparison b = judgeChange(history.front(), candidate, context);
    QVERIFY2(b.verdict == ChangeVerdict::Unstable, qPrintable(b.explanation()));
    QVERIFY2(b.note.contains(QStringLiteral("sample 10")), qPrintable(b.note));
    QVERIFY2(b.rule.startsWith(QStringLiteral("would be regressed")), qPrintable(b.rule));
}

void TestVerdicts::otherHostIsNotComparable()
{
    RunInfo a;
    a.host = QStringLiteral("ci-1");
    a.cpu = QStringLiteral("AMD EPYC 7B13");
    RunInfo b = a;
    QVERIFY(incomparability(a, b).isEmpty());
    b.cpu = QStringLiteral("Intel Xeon Platinum 8375C");
    QVERIFY(incomparability(a, b).contains(QStringLiteral("Intel")));
    b = a;
    b.host = QStringLiteral("laptop");
    JudgeContext context;
    context.incomparable = incomparability(a, b);
    const BaselineComparison v = judgeChange(syntheticResult(1000, 10, 5, 1), syntheticResult(2000, 10, 5, 2), context);
    QCOMPARE(v.verdict, ChangeVerdict::NotComparable);
    QVERIFY(v.explanation().contains(QStringLiteral("laptop")) || v.note.contains(QStringLiteral("laptop")));
}

void TestVerdicts::busyMachineIsNamedInTheVerdict()
{
    std::vector<Result> history;
    for (std::uint32_t i = 0; i < 6; ++i)
        history.push_back(syntheticResult(1000, 10, 5, 300 + i, {}, 0.005));
    RunInfo quiet;
    RunInfo busy;
    busy.environment.warnings.push_back({QStringLiteral("load_during_run"), QStringLiteral("busy")});
    QVERIFY(busyMachine(quiet, quiet).isEmpty());
    QVERIFY(busyMachine(quiet, busy).contains(QStringLiteral("during this run")));
    QVERIFY(busyMachine(busy, quiet).contains(QStringLiteral("baseline")));
    JudgeContext context;
    context.history = history;
    const Result slower = syntheticResult(1500, 10, 5, 310, {}, 0.005);
    QCOMPARE(judgeChange(history.front(), slower, context).verdict, ChangeVerdict::Regressed);
    context.busyMachine = busyMachine(quiet, busy);
    const BaselineComparison b = judgeChange(history.front(), slower, context);
    // Synthetic samples used no CPU time: a workload that waits is judged, with a caution.
    QCOMPARE(b.verdict, ChangeVerdict::Regressed);
    QVERIFY2(b.explanation().contains(QStringLiteral("caution: other processes competed")),
             qPrintable(b.explanation()));
    // One that keeps a CPU busy is not judged at all.
    Result busySlower = slower;
    for (const Sample& s : busySlower.samples)
        busySlower.userNs += s.elapsedNs;
    const BaselineComparison cpu = judgeChange(history.front(), busySlower, context);
    QCOMPARE(cpu.verdict, ChangeVerdict::Inconclusive);
    QVERIFY2(cpu.rule.startsWith(QStringLiteral("would be regressed")), qPrintable(cpu.rule));
}

void TestVerdicts::settingsThatDifferMarkTheVerdict()
{
    RunInfo quick;
    recordSettings(quick, MeasurementSettings::quickCheck(), true);
    RunInfo full;
    MeasurementSettings hundred;
    hundred.sampleCount = 100;
    recordSettings(full, hundred, false);
    QVERIFY(settingsDifference(full, full).isEmpty());
    const QString differ = settingsDifference(quick, full);
    QVERIFY2(differ.startsWith(QStringLiteral("quick check → full length, samples 10 → 100, rounds 5 → 10")),
             qPrintable(differ));
    QVERIFY2(differ.contains(QStringLiteral("measurement 0.25 s → 3 s")), qPrintable(differ));
    // An imported run has none of our settings (its sample count is the file's repetitions, as
    // parseGbenchJson and parseHyperfineJson set it); a build type is compared whenever both know it.
    RunInfo imported;
    imported.sampleCount = 10;
    QVERIFY(settingsDifference(imported, full).isEmpty());
    QVERIFY(settingsDifference(full, imported).isEmpty());
    imported.environment.buildType = QStringLiteral("Debug");
    full.environment.buildType = QStringLiteral("Release");
    QCOMPARE(settingsDifference(imported, full), QStringLiteral("build type Debug → Release"));

    // The verdict stands and says so, in its line and in results.json.
    std::vector<Result> history;
    for (std::uint32_t i = 0; i < 6; ++i)
        history.push_back(syntheticResult(1000, 10, 5, 400 + i, {}, 0.005));
    JudgeContext context;
    context.history = history;
    context.settingsDiffer = differ;
    Result slower = syntheticResult(1500, 10, 5, 410, {}, 0.005);
    compareWithBaseline(slower, history.front(), context);
    QVERIFY(slower.baseline);
    QCOMPARE(slower.baseline->verdict, ChangeVerdict::Regressed);
    QVERIFY2(slower.baseline->explanation().contains(QStringLiteral("; settings differ: quick check → full length")),
             qPrintable(slower.baseline->explanation()));
    RunResult run;
    run.results.push_back(slower);
    const QJsonObject json = runToJson(run).value(QStringLiteral("workloads")).toArray().at(0).toObject();
    QCOMPARE(json.value(QStringLiteral("baseline")).toObject().value(QStringLiteral("settings_differ")).toString(),
             differ);
}

void TestVerdicts::summaryCountsEveryVerdict()
{
    RunResult run;
    const auto compared = [&](const char* id, ChangeVerdict verdict, const QString& differ = {}) {
        Result r;
        r.info.id = QString::fromLatin1(id);
        BaselineComparison b;
        b.name = QStringLiteral("previous run 1");
        b.verdict = verdict;
        b.settingsDiffer = differ;
        r.baseline = b;
        run.results.push_back(r);
    };
    compared("a", ChangeVerdict::Regressed, QStringLiteral("samples 10 → 100"));
    compared("b", ChangeVerdict::Regressed, QStringLiteral("samples 10 → 100"));
    compared("c", ChangeVerdict::Inconclusive);
    const QString text = RunHistory::describeComparison(run);
    QVERIFY2(text.startsWith(QStringLiteral("Against previous run 1: 3 compared: 2 regressed, 1 inconclusive\n"
                                            "  (settings differ from the baseline: samples 10 → 100)\n")),
             qPrintable(text));
}

void TestVerdicts::explanationNamesNoiseAndRule()
{
    std::vector<Result> history;
    for (std::uint32_t i = 0; i < 8; ++i)
        history.push_back(syntheticResult(1000, 10, 5, 100 + i, {}, 0.005));
    JudgeContext context;
    context.history = history;
    const BaselineComparison b = judgeChange(history.front(), syntheticResult(1200, 10, 5, 120, {}, 0.005), context);
    const QString line = b.explanation();
    QVERIFY2(line.startsWith(QStringLiteral("regressed: +")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("95% CI")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("run-to-run ±")) && line.contains(QStringLiteral("over the last 8 runs")),
             qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("rule: p = ")), qPrintable(line));
    // Without history the prior is named as such.
    JudgeContext none;
    QVERIFY(judgeChange(history.front(), history.back(), none).noiseSource.contains(QStringLiteral("assumed")));
}

void TestVerdicts::roundsInterleaveWorkloadsAndRecordTheReference()
{
    std::vector<std::unique_ptr<Workload>> w;
    w.push_back(std::make_unique<SpinWorkload>(20'000, QStringLiteral("test.a")));
    w.push_back(std::make_unique<SpinWorkload>(40'000, QStringLiteral("test.b")));
    w.push_back(std::make_unique<SpinWorkload>(30'000, QStringLiteral("test.c")));
    MeasurementSettings settings{0.0, 0.06, 12, 1, 4};
    const RunResult run = runToEnd(planOf(std::move(w), settings));
    QCOMPARE(run.results.size(), std::size_t(3));
    QCOMPARE(run.info.rounds, 4);
    QCOMPARE(int(run.info.reference.size()), 3 * 4); // one per slot
    for (const ReferencePoint& p : run.info.reference)
        QVERIFY(p.ns > 0);
    for (std::size_t i = 1; i < run.info.reference.size(); ++i)
        QVERIFY(run.info.reference[i].seconds >= run.info.reference[i - 1].seconds);
    for (const Result& r : run.results) {
        QCOMPARE(r.samples.size(), std::size_t(12));
        QCOMPARE(r.rounds.size(), std::size_t(4));
        for (int k = 0; k < 4; ++k) {
            QCOMPARE(r.rounds[std::size_t(k)].round, k);
            QCOMPARE(r.rounds[std::size_t(k)].firstSample, 3 * k);
            QCOMPARE(r.rounds[std::size_t(k)].sampleCount, 3);
            QVERIFY(r.rounds[std::size_t(k)].referenceNs > 0);
        }
    }
    // Each round's slots came in some order, all three in every round: the references of one
    // round are measured together, before the next round starts.
    for (std::size_t i = 0; i < run.info.reference.size(); ++i)
        QCOMPARE(run.info.reference[i].round, int(i / 3));
}

void TestVerdicts::stopKeepsCompletedRounds()
{
    std::vector<std::unique_ptr<Workload>> w;
    w.push_back(std::make_unique<SpinWorkload>(2'000, QStringLiteral("test.quick")));
    w.push_back(std::make_unique<SpinWorkload>(20e9, QStringLiteral("test.long"))); // stuck in warm-up
    Session session(planOf(std::move(w), {0.0, 0.2, 8, 0, 4}));
    QSignalSpy started(&session, &Session::workloadStarted);
    QSignalSpy finished(&session, &Session::finished);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(started.size() >= 2, 60'000);
    QTest::qWait(200);
    session.stop();
    QVERIFY(session.wait(5'000));
    QVERIFY(finished.wait(1'000) || finished.size() == 1);
    const auto run = finished.first().first().value<RunResult>();
    QVERIFY(run.cancelled);
    QCOMPARE(run.results.size(), std::size_t(1));
    QCOMPARE(run.results[0].info.id, QStringLiteral("test.quick"));
    QCOMPARE(run.results[0].rounds.size(), std::size_t(1)); // the first round only
    QCOMPARE(run.results[0].samples.size(), std::size_t(2));
}

void TestVerdicts::injectedShiftInARealRunIsUnstable()
{
    // Fixed iterations of 1: one run() call per sample after the one warm-up call; the cost
    // goes up tenfold from the 25th sample on. A preempted 2 ms sample on a loaded machine takes a
    // few times its length: a shift of 2x or 3x was sometimes hidden by such samples, or a burst
    // of them was the larger step; 10x is beyond anything the scheduler does to a sample.
    std::vector<std::unique_ptr<Workload>> w;
    w.push_back(std::make_unique<ShiftingWorkload>(1 + 24, 10.0));
    const RunResult run = runToEnd(planOf(std::move(w), {0.0, 0.01, 40, 1, 8}));
    QCOMPARE(run.results.size(), std::size_t(1));
    const Result& r = run.results.front();
    QVERIFY(r.stability.unstable);
    QCOMPARE(r.stability.shiftIndex, 24);
    QVERIFY2(r.stability.shiftPct > 120, qPrintable(QString::number(r.stability.shiftPct)));
}

void TestVerdicts::instabilityAndVerdictLinesInEveryTextOutput()
{
    std::vector<std::unique_ptr<Workload>> w;
    w.push_back(std::make_unique<ShiftingWorkload>(1 + 24, 10.0));
    RunResult run = runToEnd(planOf(std::move(w), {0.0, 0.01, 40, 1, 8}));
    QCOMPARE(run.results.size(), std::size_t(1));
    std::vector<Result> history;
    for (std::uint32_t i = 0; i < 5; ++i)
        history.push_back(syntheticResult(run.results[0].summary.median, 8, 5, 200 + i));
    JudgeContext context;
    context.baselineName = QStringLiteral("previous run 5");
    context.history = history;
    compareWithBaseline(run.results[0], history.front(), context);
    QVERIFY(run.results[0].baseline);
    const QString line = run.results[0].baseline->explanation();

    // results.json: the stability with its index, and the verdict's line.
    const QJsonObject o = resultToJson(run.results[0]);
    QCOMPARE(o[QStringLiteral("stability")][QStringLiteral("unstable")].toBool(), true);
    QCOMPARE(o[QStringLiteral("stability")][QStringLiteral("shift_index")].toInt(), 24);
    QCOMPARE(o[QStringLiteral("baseline")][QStringLiteral("explanation")].toString(), line);
    QCOMPARE(o[QStringLiteral("rounds")].toArray().size(), 8);
    // summary.md: the verdict cell marks it, and the verdicts list has the line.
    const QString md = QString::fromUtf8(summaryMarkdown(run));
    QVERIFY2(md.contains(QStringLiteral("⚠ unstable: level shift at sample 24")), qPrintable(md));
    QVERIFY2(md.contains(QStringLiteral("### Verdicts")) && md.contains(line), qPrintable(md));
    QVERIFY(md.contains(QStringLiteral("**Machine speed:**")));
    // summary.csv: the index and the line; samples.csv: each sample's round and reference.
    const auto summary = readCsvStrict(QString::fromUtf8(summaryCsv(run)));
    QVERIFY(summary && summary->size() == 2);
    QCOMPARE(summary->at(1).at(21), QStringLiteral("24"));
    QCOMPARE(summary->at(1).at(22), line);
    const auto samples = readCsvStrict(QString::fromUtf8(samplesCsv(run)));
    QVERIFY(samples && samples->size() == 41);
    QCOMPARE(samples->at(1).at(5), QStringLiteral("0"));
    QCOMPARE(samples->at(40).at(5), QStringLiteral("7"));
    QVERIFY(samples->at(40).at(6).toDouble() > 0);
    // Read back, the rounds and the instability are the same.
    const Expected<RunResult> back = runFromJson(runToJsonBytes(run));
    QVERIFY2(back, qPrintable(errorText(back)));
    QCOMPARE(back->results[0].rounds, run.results[0].rounds);
    QCOMPARE(back->results[0].stability.shiftIndex, 24);
    QCOMPARE(back->info.reference, run.info.reference);
}

QTEST_GUILESS_MAIN(TestVerdicts)
#include "tst_verdicts.moc"
