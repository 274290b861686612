// How failures are told: Expected, the value-or-error every engine function that can fail
// returns, and the exit code of each kind of error and of a headless run from what happened in
// it (SPEC.md "Exit codes"): each outcome alone, and which code wins when several happen at
// once. The real program's codes are tested end to end in tst_cli, tst_suite, tst_gates,
// tst_history_cli and tst_commands.
#include "Expected.h"
#include "cli/ExitCodes.h"

#include <QtTest>

#include <memory>

using namespace crucible;

Q_DECLARE_METATYPE(crucible::ErrorKind)
Q_DECLARE_METATYPE(crucible::RunOutcome)

namespace {

RunOutcome refused(ErrorKind kind)
{
    RunOutcome outcome;
    outcome.refusal = kind;
    return outcome;
}

Expected<int> half(int n)
{
    if (n % 2 != 0)
        return Error::input(QStringLiteral("%1 is odd").arg(n));
    return n / 2;
}

// An error passed up a level, said where more is known.
Expected<int> quarter(int n)
{
    const Expected<int> h = half(n);
    if (!h)
        return h.error().prefixed(QStringLiteral("quarter: "));
    return half(*h);
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
    void expectedHoldsAValueOrAnError();
    void expectedVoid();
    void expectedMoveOnly();
    void eachKind_data();
    void eachKind();
    void eachOutcomeAlone_data();
    void eachOutcomeAlone();
    void precedence_data();
    void precedence();
};

void TestExitCodes::expectedHoldsAValueOrAnError()
{
    const Expected<int> value = quarter(12);
    QVERIFY(value.has_value());
    QCOMPARE(*value, 3);
    QCOMPARE(value.value_or(-1), 3);

    const Expected<int> odd = quarter(6); // 6 halves to 3, which does not
    QVERIFY(!odd);
    QCOMPARE(odd.error().kind, ErrorKind::Input);
    QCOMPARE(odd.error().message, QStringLiteral("3 is odd"));
    QCOMPARE(odd.value_or(-1), -1);
    const Expected<int> early = quarter(5);
    QCOMPARE(early.error().message, QStringLiteral("quarter: 5 is odd")); // the kind travels with it
    QCOMPARE(early.error().kind, ErrorKind::Input);

    // A list for which failing means "none": the convenient form of an optional error.
    const Expected<QStringList> none = Error::internal(QStringLiteral("store gone"));
    QVERIFY(none.value_or({}).isEmpty());
    const Expected<QStringList> empty; // default: a value, not an error
    QVERIFY(empty.has_value());
}

void TestExitCodes::expectedVoid()
{
    const Expected<void> fine;
    QVERIFY(fine);
    const Expected<void> failed = Error::usage(QStringLiteral("no workload matches x"));
    QVERIFY(!failed.has_value());
    QCOMPARE(failed.error().kind, ErrorKind::Usage);
    QCOMPARE(failed.error().message, QStringLiteral("no workload matches x"));
}

void TestExitCodes::expectedMoveOnly()
{
    Expected<std::unique_ptr<int>> owned = std::make_unique<int>(7);
    QVERIFY(owned);
    const std::unique_ptr<int> taken = std::move(*owned);
    QCOMPARE(*taken, 7);
    Expected<std::unique_ptr<int>> failed = Error::input(QStringLiteral("x"));
    QVERIFY(!std::move(failed).value_or(nullptr));
}

void TestExitCodes::eachKind_data()
{
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("usage") << ErrorKind::Usage << 2;
    QTest::newRow("input") << ErrorKind::Input << 2;
    QTest::newRow("internal") << ErrorKind::Internal << 1;
}

void TestExitCodes::eachKind()
{
    QFETCH(ErrorKind, kind);
    QFETCH(int, exitCode);
    QCOMPARE(int(exitCodeFor(kind)), exitCode);
    // A run refused for that kind of error exits with the same code.
    QCOMPARE(int(exitCodeFor(refused(kind))), exitCode);
}

void TestExitCodes::eachOutcomeAlone_data()
{
    QTest::addColumn<RunOutcome>("outcome");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("nothing went wrong") << RunOutcome{} << 0;
    QTest::newRow("usage error") << refused(ErrorKind::Usage) << 2;
    QTest::newRow("input error") << refused(ErrorKind::Input) << 2;
    QTest::newRow("internal error before measuring") << refused(ErrorKind::Internal) << 1;
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
    inputError.refusal = ErrorKind::Input;
    inputError.endedWithoutResult = true;
    QTest::newRow("input error beats everything") << inputError << 2;
    RunOutcome internalRefusal = everythingAfterMeasuring();
    internalRefusal.refusal = ErrorKind::Internal;
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
