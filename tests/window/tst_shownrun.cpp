// The shown run's state: Empty until a run is shown, Pending while its verdicts, comparisons or
// trends are on their way, Settled (with one settled() signal) once the last of them is done or
// given up; tickets of a run no longer shown, or of comparisons superseded, are not current.
#include "ShownRun.h"

#include <QtTest>

using namespace crucible;
using namespace crucible::gui;

Q_DECLARE_METATYPE(ShownRun::Work)

namespace {

using State = ShownRun::State;
using Work = ShownRun::Work;

RunResult runNamed(const QString& suite)
{
    RunResult run;
    run.info.suiteName = suite;
    Result r;
    r.info.id = QStringLiteral("w");
    run.results.push_back(r);
    return run;
}

// Starts `works` for each run shown, as the window's parts do in their slots.
class Jobs : public QObject {
public:
    Jobs(ShownRun& shown, QList<Work> works) : m_shown(shown), m_works(std::move(works))
    {
        connect(&shown, &ShownRun::shown, this, [this] {
            tickets.clear();
            for (Work w : m_works)
                tickets << m_shown.expect(w);
        });
    }
    QList<ShownRun::Ticket> tickets;

private:
    ShownRun& m_shown;
    QList<Work> m_works;
};

} // namespace

class TestShownRun : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void startsEmpty();
    void settlesWhenItsLastJobIsDone_data();
    void settlesWhenItsLastJobIsDone();
    void anotherRunShownMakesTicketsStale();
    void comparisonsBegunWhileMeasuringCountOnceShown();
    void measuringAnotherRunDropsTheLastOnesJobs();
    void recompareSupersedesEarlierComparisons();
    void givingUpSettlesAndNewWorkUnsettles();
    void deliveriesReachTheShownRun();
};

void TestShownRun::startsEmpty()
{
    ShownRun shown;
    QSignalSpy settled(&shown, &ShownRun::settled);
    QCOMPARE(shown.state(), State::Empty);
    QVERIFY(!shown.run());
    const ShownRun::Ticket ticket = shown.expect(Work::Verdicts);
    QVERIFY(!shown.isCurrent(ticket)); // nothing shown: nothing is for it
    shown.done(ticket);
    QCOMPARE(shown.state(), State::Empty);
    QCOMPARE(settled.count(), 0);
}

void TestShownRun::settlesWhenItsLastJobIsDone_data()
{
    QTest::addColumn<QList<Work>>("works");
    QTest::newRow("nothing to wait for") << QList<Work>{};
    QTest::newRow("verdicts") << QList<Work>{Work::Verdicts};
    QTest::newRow("verdicts and trends") << QList<Work>{Work::Verdicts, Work::Trends};
    QTest::newRow("two comparisons") << QList<Work>{Work::Comparison, Work::Comparison, Work::Verdicts};
}

void TestShownRun::settlesWhenItsLastJobIsDone()
{
    QFETCH(QList<Work>, works);
    ShownRun shown;
    Jobs jobs(shown, works);
    QSignalSpy settled(&shown, &ShownRun::settled);
    shown.showWindowRun(runNamed(QStringLiteral("a")));
    QCOMPARE(shown.source(), ShownRun::Source::WindowList);
    QCOMPARE(jobs.tickets.size(), works.size());
    for (const ShownRun::Ticket& t : jobs.tickets) {
        // Not settled while any job is on its way, whatever the order they finish in.
        QCOMPARE(shown.state(), State::Pending);
        QCOMPARE(settled.count(), 0);
        QVERIFY(shown.isCurrent(t));
        shown.done(t);
    }
    QCOMPARE(shown.state(), State::Settled);
    QCOMPARE(settled.count(), 1);
    shown.done(jobs.tickets.value(0)); // a job reported twice changes nothing
    QCOMPARE(settled.count(), 1);
}

void TestShownRun::anotherRunShownMakesTicketsStale()
{
    ShownRun shown;
    Jobs jobs(shown, {Work::Verdicts});
    QSignalSpy settled(&shown, &ShownRun::settled);
    shown.showWindowRun(runNamed(QStringLiteral("a")));
    const ShownRun::Ticket first = jobs.tickets.front();
    shown.showStoredRun(runNamed(QStringLiteral("b")), 12);
    const ShownRun::Ticket second = jobs.tickets.front();
    QVERIFY(!shown.isCurrent(first)); // its verdicts are dropped, not shown over b's
    QVERIFY(shown.isCurrent(second));
    shown.done(first);
    QCOMPARE(shown.state(), State::Pending);
    QCOMPARE(settled.count(), 0);
    shown.done(second);
    QCOMPARE(shown.state(), State::Settled);
    QCOMPARE(settled.count(), 1);
    QCOMPARE(shown.run()->info.suiteName, QStringLiteral("b"));
    QCOMPARE(shown.storeId(), qint64(12));
}

void TestShownRun::comparisonsBegunWhileMeasuringCountOnceShown()
{
    ShownRun shown;
    Jobs jobs(shown, {Work::Verdicts});
    QSignalSpy settled(&shown, &ShownRun::settled);
    shown.showWindowRun(runNamed(QStringLiteral("earlier")));
    shown.done(jobs.tickets.front());
    QCOMPARE(settled.count(), 1);

    // The next run measures: its comparisons do not hold back the run shown meanwhile.
    shown.measuringStarted();
    const ShownRun::Ticket comparison = shown.expectForMeasuring(Work::Comparison);
    QVERIFY(shown.isMeasuring(comparison));
    QVERIFY(!shown.isCurrent(comparison));
    QCOMPARE(shown.state(), State::Settled);

    // It ends and is shown: its comparison still on its way is now the shown run's.
    shown.showFinished(runNamed(QStringLiteral("measured")));
    QCOMPARE(shown.source(), ShownRun::Source::Finished);
    QVERIFY(shown.isCurrent(comparison));
    shown.done(jobs.tickets.front());
    QCOMPARE(shown.state(), State::Pending);
    shown.done(comparison);
    QCOMPARE(shown.state(), State::Settled);
    QCOMPARE(settled.count(), 2);
}

void TestShownRun::measuringAnotherRunDropsTheLastOnesJobs()
{
    ShownRun shown;
    shown.measuringStarted();
    const ShownRun::Ticket old = shown.expectForMeasuring(Work::Comparison);
    shown.measuringStarted(); // stopped and started again before it was shown
    QVERIFY(!shown.isMeasuring(old));
    QSignalSpy settled(&shown, &ShownRun::settled);
    shown.showFinished(runNamed(QStringLiteral("second")));
    QCOMPARE(shown.state(), State::Settled); // the first run's comparison is not this run's
    QCOMPARE(settled.count(), 1);
    shown.done(old);
    QCOMPARE(settled.count(), 1);
}

void TestShownRun::recompareSupersedesEarlierComparisons()
{
    ShownRun shown;
    shown.measuringStarted();
    const ShownRun::Ticket late = shown.expectForMeasuring(Work::Comparison);
    shown.showFinished(runNamed(QStringLiteral("a")));
    // Another baseline chosen before the run's own comparison came back.
    const ShownRun::Ticket recompare = shown.expectRecompare();
    QVERIFY(!shown.isCurrent(late)); // must not land on top of the recompare
    QVERIFY(shown.isCurrent(recompare));
    const ShownRun::Ticket newer = shown.expectRecompare(); // and chosen again
    QVERIFY(!shown.isCurrent(recompare));
    QVERIFY(shown.isCurrent(newer));
    // Each is still waited for: an export carries the run as the last comparison leaves it.
    shown.done(newer);
    shown.done(recompare);
    QCOMPARE(shown.state(), State::Pending);
    shown.done(late);
    QCOMPARE(shown.state(), State::Settled);
}

void TestShownRun::givingUpSettlesAndNewWorkUnsettles()
{
    ShownRun shown;
    Jobs jobs(shown, {Work::Trends});
    QSignalSpy settled(&shown, &ShownRun::settled);
    shown.showStoredRun(runNamed(QStringLiteral("a")), 3);
    QCOMPARE(shown.state(), State::Pending);
    shown.giveUp(Work::Verdicts); // not what it waits for
    QCOMPARE(shown.state(), State::Pending);
    shown.giveUp(Work::Trends); // the store failed: the trends will not come
    QCOMPARE(shown.state(), State::Settled);
    QCOMPARE(settled.count(), 1);
    shown.done(jobs.tickets.front()); // they came after all: already settled
    QCOMPARE(settled.count(), 1);
    // Compared again: Pending, then Settled once more.
    const ShownRun::Ticket recompare = shown.expectRecompare();
    QCOMPARE(shown.state(), State::Pending);
    shown.done(recompare);
    QCOMPARE(shown.state(), State::Settled);
    QCOMPARE(settled.count(), 2);
}

void TestShownRun::deliveriesReachTheShownRun()
{
    ShownRun shown;
    QSignalSpy trends(&shown, &ShownRun::trendsLoaded);
    shown.showFinished(runNamed(QStringLiteral("a")));
    QCOMPARE(shown.storeId(), qint64(0));
    Result compared = shown.run()->results.front();
    compared.baseline = BaselineComparison{};
    compared.baseline->name = QStringLiteral("Run 1");
    shown.setComparison(compared);
    QCOMPARE(shown.run()->results.front().baseline->name, QStringLiteral("Run 1"));
    shown.setGates({BudgetOutcome{}}, {ClaimOutcome{}, ClaimOutcome{}});
    QCOMPARE(shown.run()->budgets.size(), std::size_t(1));
    QCOMPARE(shown.run()->claims.size(), std::size_t(2));
    shown.setStoreId(7);
    shown.setTrends({WorkloadTrend{}});
    QCOMPARE(trends.count(), 1);
    QCOMPARE(shown.trends().size(), std::size_t(1));
    // Another run shown starts without the last one's trends.
    shown.showWindowRun(runNamed(QStringLiteral("b")));
    QVERIFY(shown.trends().empty());
    QCOMPARE(shown.storeId(), qint64(0));
}

QTEST_GUILESS_MAIN(TestShownRun)
#include "tst_shownrun.moc"
