// The exit code of a headless run from what happened in it (SPEC.md "Exit codes"): each outcome
// alone, and which code wins when several happen at once. The real program's codes are tested
// end to end in tst_cli, tst_suite, tst_gates, tst_history_cli and tst_commands.
#include "cli/ExitCodes.h"

#include <QtTest>

using namespace crucible;

Q_DECLARE_METATYPE(crucible::RunOutcome)

namespace {

RunOutcome refused(Refusal refusal)
{
    RunOutcome outcome;
    outcome.refusal = refusal;
    return outcome;
}

RunOutcome regressedUnderGate()
{
    RunOutcome outcome;
    outcome.failOnRegression = true;
    outcome.regressions = 2;
    return outcome;
}

RunOutcome budgetFailedUnderGate()
{
    RunOutcome outcome;
    outcome.failOnBudget = true;
    outcome.budgetsFailed = true;
    return outcome;
}

// Everything that can go wrong once a run has a result, all at once.
RunOutcome everythingAfterMeasuring()
{
    RunOutcome outcome = regressedUnderGate();
    outcome.failOnBudget = true;
    outcome.budgetsFailed = true;
    outcome.interrupted = true;
    outcome.historyFailed = true;
    outcome.writeFailed = true;
    outcome.recordFailed = true;
    outcome.workloadsFailed = true;
    return outcome;
}

} // namespace

class TestExitCodes : public QObject {
    Q_OBJECT
private slots:
    void eachOutcomeAlone_data();
    void eachOutcomeAlone();
    void precedence_data();
    void precedence();
};

void TestExitCodes::eachOutcomeAlone_data()
{
    QTest::addColumn<RunOutcome>("outcome");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("nothing went wrong") << RunOutcome{} << 0;
    QTest::newRow("input error") << refused(Refusal::InputError) << 2;
    QTest::newRow("internal error before measuring") << refused(Refusal::InternalError) << 1;
    QTest::newRow("ended without a result") << RunOutcome{.endedWithoutResult = true} << 1;
    QTest::newRow("interrupted") << RunOutcome{.interrupted = true} << 130;
    QTest::newRow("history failed") << RunOutcome{.historyFailed = true} << 1;
    QTest::newRow("write failed") << RunOutcome{.writeFailed = true} << 1;
    QTest::newRow("record failed") << RunOutcome{.recordFailed = true} << 1;
    QTest::newRow("workloads failed") << RunOutcome{.workloadsFailed = true} << 3;
    QTest::newRow("regressed, --fail-on-regression") << regressedUnderGate() << 4;
    QTest::newRow("budget failed, --fail-on-budget") << budgetFailedUnderGate() << 4;
    // A gate not asked for never fails, and one asked for with nothing against it passes.
    QTest::newRow("regressed, no gate") << RunOutcome{.regressions = 3} << 0;
    QTest::newRow("--fail-on-regression, nothing regressed") << RunOutcome{.failOnRegression = true} << 0;
    QTest::newRow("budget failed, no gate") << RunOutcome{.budgetsFailed = true} << 0;
    QTest::newRow("--fail-on-budget, nothing failed") << RunOutcome{.failOnBudget = true} << 0;
}

void TestExitCodes::eachOutcomeAlone()
{
    QFETCH(RunOutcome, outcome);
    QFETCH(int, exitCode);
    QCOMPARE(int(exitCodeFor(outcome)), exitCode);
}

void TestExitCodes::precedence_data()
{
    QTest::addColumn<RunOutcome>("outcome");
    QTest::addColumn<int>("exitCode");

    // A refused run did nothing else, whatever the rest of the outcome says.
    RunOutcome inputError = everythingAfterMeasuring();
    inputError.refusal = Refusal::InputError;
    inputError.endedWithoutResult = true;
    QTest::newRow("input error beats everything") << inputError << 2;
    RunOutcome internalRefusal = everythingAfterMeasuring();
    internalRefusal.refusal = Refusal::InternalError;
    QTest::newRow("internal refusal beats everything") << internalRefusal << 1;
    QTest::newRow("no result beats interrupted") << RunOutcome{.endedWithoutResult = true, .interrupted = true} << 1;

    // SPEC: 130 beats 1, 1 beats 3, and 3 beats 4.
    QTest::newRow("130 beats everything after measuring") << everythingAfterMeasuring() << 130;
    QTest::newRow("130 beats 1 (write)") << RunOutcome{.interrupted = true, .writeFailed = true} << 130;
    QTest::newRow("130 beats 1 (record)") << RunOutcome{.interrupted = true, .recordFailed = true} << 130;
    QTest::newRow("130 beats 3") << RunOutcome{.interrupted = true, .workloadsFailed = true} << 130;
    RunOutcome internalOverWorkloads = everythingAfterMeasuring();
    internalOverWorkloads.interrupted = false;
    QTest::newRow("1 beats 3 and 4") << internalOverWorkloads << 1;
    QTest::newRow("1 (history) beats 3") << RunOutcome{.historyFailed = true, .workloadsFailed = true} << 1;
    QTest::newRow("1 (write) beats 3") << RunOutcome{.writeFailed = true, .workloadsFailed = true} << 1;
    QTest::newRow("1 (record) beats 3") << RunOutcome{.recordFailed = true, .workloadsFailed = true} << 1;
    RunOutcome failedAndGates = regressedUnderGate();
    failedAndGates.workloadsFailed = true;
    failedAndGates.failOnBudget = true;
    failedAndGates.budgetsFailed = true;
    QTest::newRow("3 beats both gates") << failedAndGates << 3;
    RunOutcome writeAndGate = budgetFailedUnderGate();
    writeAndGate.writeFailed = true;
    QTest::newRow("1 beats 4") << writeAndGate << 1;
    RunOutcome bothGates = regressedUnderGate();
    bothGates.failOnBudget = true;
    bothGates.budgetsFailed = true;
    QTest::newRow("both gates") << bothGates << 4;
}

void TestExitCodes::precedence()
{
    QFETCH(RunOutcome, outcome);
    QFETCH(int, exitCode);
    QCOMPARE(int(exitCodeFor(outcome)), exitCode);
}

QTEST_GUILESS_MAIN(TestExitCodes)
#include "tst_exitcodes.moc"
