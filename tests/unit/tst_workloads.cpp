// The built-in workloads: registered, well described, runnable, and pairs that make sense.
#include "BuiltInWorkloads.h"
#include "Measurer.h"

#include <QtTest>

using namespace crucible;

class TestWorkloads : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void idsFollowTheSpec();
    void everyWorkloadRuns_data();
    void everyWorkloadRuns();
    void architecturePairsAreMutual();
    void directSideIsFaster_data();
    void directSideIsFaster();
    void binarySizeIsTheStrippedSize();

private:
    WorkloadRegistry m_registry;
};

void TestWorkloads::initTestCase()
{
    workloads::registerBuiltInWorkloads(m_registry);
    QVERIFY(m_registry.all().size() >= 10);
}

void TestWorkloads::idsFollowTheSpec()
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z_]+(\\.[a-z0-9_]+)+(/[a-z_]+=[^/]+)*$"));
    for (const WorkloadFactory& f : m_registry.all()) {
        QVERIFY2(idPattern.match(f.info.id).hasMatch(), qPrintable(f.info.id));
        QVERIFY2(f.info.id.startsWith(categoryName(f.info.category) + QLatin1Char('.')), qPrintable(f.info.id));
        QVERIFY2(f.info.description.size() > 15, qPrintable(f.info.id));
        QVERIFY(!f.info.unit.isEmpty());
    }
}

void TestWorkloads::everyWorkloadRuns_data()
{
    QTest::addColumn<QString>("id");
    WorkloadRegistry registry;
    workloads::registerBuiltInWorkloads(registry);
    for (const WorkloadFactory& f : registry.all())
        QTest::newRow(qPrintable(f.info.id)) << f.info.id;
}

void TestWorkloads::everyWorkloadRuns()
{
    QFETCH(QString, id);
    const WorkloadFactory* f = m_registry.find(id);
    QVERIFY(f);
    std::unique_ptr<Workload> w = f->create(f->info.parameters);
    QCOMPARE(w->info().id, id);
    w->setUp({});
    w->run(3, {});
    w->tearDown();
}

void TestWorkloads::architecturePairsAreMutual()
{
    int pairs = 0;
    for (const WorkloadFactory& f : m_registry.all()) {
        if (f.info.category != Category::Architecture)
            continue;
        const WorkloadFactory* partner = m_registry.find(f.info.pairedWith);
        QVERIFY2(partner, qPrintable(f.info.id));
        QCOMPARE(partner->info.pairedWith, f.info.id);
        QCOMPARE(partner->info.operation, f.info.operation); // same job, same unit of work
        ++pairs;
    }
    QCOMPARE(pairs, 10);
}

void TestWorkloads::directSideIsFaster_data()
{
    QTest::addColumn<QString>("oldWay");
    QTest::addColumn<QString>("newWay");
    QTest::newRow("tool_exec") << "architecture.tool_exec.layered"
                               << "architecture.tool_exec.direct";
    QTest::newRow("events") << "architecture.events.string_keyed"
                            << "architecture.events.typed";
    QTest::newRow("plugins") << "architecture.plugins.registry"
                             << "architecture.plugins.static";
    QTest::newRow("alloc") << "architecture.alloc.small_objects"
                           << "architecture.alloc.arena";
    QTest::newRow("errors") << "architecture.errors.exceptions"
                            << "architecture.errors.values";
}

// Not a timing target: the pairs are built so the old way does strictly more work for the same
// job, so the new way must come out faster by a wide margin, whatever the machine's speed.
void TestWorkloads::directSideIsFaster()
{
    QFETCH(QString, oldWay);
    QFETCH(QString, newWay);
    // Both sides set up, then sampled in turn, as a run interleaves a pair: a slow phase of the
    // machine hits both alike. The best of each side: preemption only adds time.
    struct Side {
        std::unique_ptr<Workload> workload;
        std::unique_ptr<Measurer> measurer;
        double best = 1e300;
    };
    auto sideOf = [&](const QString& id) {
        const WorkloadFactory* f = m_registry.find(id);
        Side side{f->create(f->info.parameters), nullptr};
        side.workload->setUp({});
        side.measurer =
            std::make_unique<Measurer>(*side.workload, MeasurementSettings{0.02, 0.1, 5, 0}, std::stop_token{});
        side.measurer->warmUp();
        side.measurer->calibrate();
        return side;
    };
    Side oldSide = sideOf(oldWay);
    Side newSide = sideOf(newWay);
    for (int i = 0; i < 5; ++i)
        for (Side* side : {&oldSide, &newSide})
            side->best = std::min(side->best, side->measurer->takeSample()->perIterationNs());
    oldSide.workload->tearDown();
    newSide.workload->tearDown();
    const double oldNs = oldSide.best;
    const double newNs = newSide.best;
    QVERIFY2(newNs < oldNs * 0.9, qPrintable(QStringLiteral("old %1 ns, new %2 ns").arg(oldNs).arg(newNs)));
}

// system.binary_size reads what the .deb ships: the running program (this test, built with
// debug information) stripped as CPack strips it, not the file on disk with its debug sections.
void TestWorkloads::binarySizeIsTheStrippedSize()
{
    const QString strip = QStandardPaths::findExecutable(QStringLiteral("strip"));
    QVERIFY2(!strip.isEmpty(), "strip (binutils) is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("stripped"));
    QCOMPARE(QProcess::execute(strip, {QStringLiteral("-o"), copy, QCoreApplication::applicationFilePath()}), 0);
    const qint64 strippedBytes = QFileInfo(copy).size();

    const WorkloadFactory* f = m_registry.find(QStringLiteral("system.binary_size"));
    QVERIFY(f);
    std::unique_ptr<Workload> w = f->create(f->info.parameters);
    w->setUp({});
    const std::optional<Sample> reading = w->measureIteration({});
    w->tearDown();
    QVERIFY(reading);
    QCOMPARE(qint64(reading->elapsedNs), strippedBytes);
    // The test is built with debug information, so the stripped size is the smaller one.
    QVERIFY2(strippedBytes < QFileInfo(QCoreApplication::applicationFilePath()).size(),
             qPrintable(QStringLiteral("stripped %1 bytes, on disk %2")
                            .arg(strippedBytes)
                            .arg(QFileInfo(QCoreApplication::applicationFilePath()).size())));
}

QTEST_GUILESS_MAIN(TestWorkloads)
#include "tst_workloads.moc"
