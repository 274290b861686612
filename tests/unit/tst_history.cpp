// The history store on SQLite and, when the test run has one, on a live PostgreSQL server:
// samples survive the trip exactly, runs and baselines are found again, trends come out in
// order, and a store that cannot be used says so instead of losing a run.
#include "ErrorText.h"
#include "SyntheticRun.h"
#include "history/EarlierResults.h"
#include "history/HistoryStore.h"
#include "history/SampleBlob.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <random>

#include <unistd.h>

using namespace crucible;

namespace {

// Set by packaging/quickstart.sh (and so by CI) after it starts a throwaway server: then the
// PostgreSQL rows must run, and fail if the server cannot be reached.
QString postgresUrl()
{
    return qEnvironmentVariable("CRUCIBLE_TEST_PG_URL");
}

// A clean PostgreSQL database for each test: drop what an earlier test left.
void dropPostgresTables(const QString& url)
{
    const QUrl u(url);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("cleanup"));
    db.setHostName(u.host());
    db.setPort(u.port(5432));
    db.setUserName(u.userName());
    db.setDatabaseName(u.path().mid(1));
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery q(db);
    for (const char* table : {"baselines", "results", "run_details", "runs", "crucible_schema"})
        QVERIFY(q.exec(QStringLiteral("DROP TABLE IF EXISTS %1 CASCADE").arg(QLatin1String(table))));
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("cleanup"));
}

Samples noisySamples(double medianNs, int n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(1.0, 0.01);
    Samples samples;
    for (int i = 0; i < n; ++i) {
        Sample s;
        s.iterations = 1000;
        s.elapsedNs = std::round(medianNs * noise(rng) * 1000);
        s.cpuNs = s.elapsedNs - 17;
        s.rssBytes = 50'000'000 + i * 4096;
        samples.push_back(s);
    }
    return samples;
}

// One workload with samples around `medianNs`, statistics computed as a run computes them.
Result measured(const QString& id, double medianNs, std::uint64_t seed)
{
    Result r;
    r.info.id = id;
    r.info.category = Category::Cli;
    r.info.unit = QStringLiteral("ns");
    r.samples = noisySamples(medianNs, 30, seed);
    computeStatistics(r);
    return r;
}

RunResult runOf(std::vector<Result> results, const QString& suite = QStringLiteral("s"),
                const QString& host = QStringLiteral("h"))
{
    RunResult run;
    run.info.suiteName = suite;
    run.info.host = host;
    run.info.started = QDateTime::currentDateTimeUtc();
    run.info.finished = run.info.started.addSecs(3);
    run.results = std::move(results);
    return run;
}

void compareSamples(const Samples& a, const Samples& b)
{
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].iterations, b[i].iterations);
        QCOMPARE(a[i].elapsedNs, b[i].elapsedNs);
        QCOMPARE(a[i].cpuNs, b[i].cpuNs);
        QCOMPARE(a[i].rssBytes, b[i].rssBytes);
        QCOMPARE(a[i].userNs, b[i].userNs);
        QCOMPARE(a[i].sysNs, b[i].sysNs);
    }
}

} // namespace

class TestHistory : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    // A new store for the current data row: a fresh SQLite file, or the emptied test database.
    std::unique_ptr<HistoryStore> freshStore()
    {
        QFETCH(QString, backend);
        QString location;
        if (backend == QLatin1String("postgresql")) {
            dropPostgresTables(postgresUrl());
            location = postgresUrl();
        } else {
            location = m_dir.filePath(QStringLiteral("store%1.sqlite").arg(++m_files));
        }
        Expected<std::unique_ptr<HistoryStore>> store = HistoryStore::open(location);
        if (!store) {
            qWarning("%s", qPrintable(store.error().message));
            return nullptr;
        }
        return std::move(*store);
    }

    void backends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        if (!postgresUrl().isEmpty())
            QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    // Why `location` cannot be opened as a store, empty when it can. Whatever the reason, an
    // unusable store is an input error: the run is refused with exit code 2.
    static QString whyUnusable(const QString& location, int busyTimeoutMs = 10'000)
    {
        const Expected<std::unique_ptr<HistoryStore>> store = HistoryStore::open(location, busyTimeoutMs);
        if (!store && store.error().kind != ErrorKind::Input)
            return QStringLiteral("not an input error: ") + store.error().message;
        return errorText(store);
    }

private slots:
    void sampleBlobRoundTrip_data()
    {
        QTest::addColumn<bool>("wholeNumbers");
        QTest::newRow("whole nanoseconds") << true;
        QTest::newRow("fractions") << false;
    }

    void sampleBlobRoundTrip()
    {
        QFETCH(bool, wholeNumbers);
        std::mt19937_64 rng(7);
        std::uniform_real_distribution<double> u(1, 1e9);
        Samples samples;
        for (int i = 0; i < 200; ++i) {
            Sample s;
            s.iterations = i % 3 ? 1000 : std::uint64_t(1) << 60; // huge deltas both ways
            s.elapsedNs = wholeNumbers ? std::floor(u(rng)) : u(rng);
            s.cpuNs = wholeNumbers ? std::floor(u(rng)) : u(rng) / 3;
            s.rssBytes = std::int64_t(u(rng)) * (i % 2 ? 1 : -1);
            samples.push_back(s); // user and sys stay zero: an all-zero column
        }
        const QByteArray blob = history::encodeSamples(samples);
        const std::optional<Samples> back = history::decodeSamples(blob);
        QVERIFY(back);
        compareSamples(samples, *back);
        if (wholeNumbers) // varint deltas beat 48 raw bytes per sample
            QVERIFY2(blob.size() < qsizetype(samples.size()) * 30, qPrintable(QString::number(blob.size())));
        const std::optional<Samples> none = history::decodeSamples(history::encodeSamples({}));
        QVERIFY(none && none->empty());
    }

    void damagedBlobsAreRefused()
    {
        const QByteArray blob = history::encodeSamples(noisySamples(100, 10, 1));
        QVERIFY(!history::decodeSamples(blob.left(blob.size() - 1)));
        QVERIFY(!history::decodeSamples(blob + char(0)));
        QByteArray wrongFormat = blob;
        wrongFormat[0] = 9;
        QVERIFY(!history::decodeSamples(wrongFormat));
        QVERIFY(!history::decodeSamples(QByteArray()));
        QVERIFY(!history::decodeSamples(QByteArray("\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 12)));
        // Found by fuzz_sample_blob: integer deltas whose sum overflows int64 (undefined
        // behaviour before; no encoder writes a value of 2^53 or more there).
        QVERIFY(!history::decodeSamples(QByteArray::fromBase64(
            "AR7AFAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAcrU51/72RGaR/K+B+/tH7eEEoTGJ5mTBYz5AZLmG9WWFpPgGLzPH/"
            "v9HLTaFuTEdd2vHNfuGqTLPIbsrgG2vgXZwJ0Br5si5Z91ws901dYn3v7/////////X7AAAtpw///////////v3Bim/"
            "Ry02hbkxHXdrxzX7hqkyzyG7K4Btr4F2cCdAa+bIuWfdcLPdNXWJ97+/"
            "wCAwAEAAAAAAIBAAAAAAACAQAAAAAAAAAAAAAAAgEAAAAAA")));
        // One sample whose resident set is a NaN double: no int64 converts to it.
        QVERIFY(!history::decodeSamples(
            QByteArray("\x01\x01\x02\x00\x00\x02\x00\x00\x00\x00\x00\x00\xf8\x7f\x00\x00", 16)));
        // The same blob with a resident set of 4096 reads back.
        const std::optional<Samples> fine =
            history::decodeSamples(QByteArray("\x01\x01\x02\x00\x00\x02\x00\x00\x00\x00\x00\x00\xb0\x40\x00\x00", 16));
        QVERIFY(fine && fine->size() == 1 && fine->front().rssBytes == 4096);
    }

    void locations()
    {
        auto def = history::parseHistoryLocation(QString());
        QVERIFY(def && def->kind == history::HistoryLocation::Kind::SQLite);
        QVERIFY2(def->path.endsWith(QLatin1String("/crucible-bench/history.sqlite")), qPrintable(def->path));
        auto pg = history::parseHistoryLocation(QStringLiteral("postgresql://bob:secret@db.example:6543/perf"));
        QVERIFY(pg && pg->kind == history::HistoryLocation::Kind::PostgreSQL);
        QCOMPARE(pg->host, QStringLiteral("db.example"));
        QCOMPARE(pg->port, 6543);
        QCOMPARE(pg->user, QStringLiteral("bob"));
        QCOMPARE(pg->password, QStringLiteral("secret"));
        QCOMPARE(pg->database, QStringLiteral("perf"));
        QVERIFY2(!pg->display().contains(QLatin1String("secret")), qPrintable(pg->display()));
        // The status bar's short names: the file, or host/database (never the password).
        QCOMPARE(pg->shortName(), QStringLiteral("db.example/perf"));
        QCOMPARE(def->shortName(), QStringLiteral("history.sqlite"));
        const auto hostOnly = history::parseHistoryLocation(QStringLiteral("postgresql://host-only"));
        QVERIFY(!hostOnly);
        QCOMPARE(hostOnly.error().kind, ErrorKind::Input);
        QVERIFY2(hostOnly.error().message.contains(QLatin1String("--db")), qPrintable(errorText(hostOnly)));
        const auto mysql = history::parseHistoryLocation(QStringLiteral("mysql://x@y/z"));
        QVERIFY(!mysql);
        QVERIFY2(mysql.error().message.contains(QLatin1String("mysql://")), qPrintable(errorText(mysql)));
    }

    void postgresServerIsThereWhenPromised()
    {
        if (postgresUrl().isEmpty())
            QSKIP("CRUCIBLE_TEST_PG_URL is not set: packaging/quickstart.sh test starts a server and sets it");
        const auto store = HistoryStore::open(postgresUrl());
        QVERIFY2(store, qPrintable(errorText(store)));
    }

    void recordAndLoadRun_data() { backends(); }
    void recordAndLoadRun()
    {
        auto store = freshStore();
        QVERIFY(store);
        RunResult run = syntheticRun(12, 20);
        run.cancelled = true;
        run.results[3].samples[2].userNs = 12345.5; // a fractional column among whole ones
        BudgetOutcome budget;
        budget.budgetWorkload = QStringLiteral("*");
        budget.workload = run.results[0].info.id;
        budget.metric = QStringLiteral("median_ms");
        budget.max = 5;
        budget.measured = 7.5;
        budget.status = BudgetStatus::Failed;
        run.budgets.push_back(budget);
        ClaimOutcome claim;
        claim.name = QStringLiteral("faster");
        claim.baseline = run.results[0].info.id;
        claim.candidate = run.results[5].info.id;
        claim.improvementPct = 40;
        claim.ci95Pct = {35, 45};
        claim.verdict = ClaimVerdict::Confirmed;
        run.claims.push_back(claim);
        const Expected<qint64> id = store->recordRun(run);
        QVERIFY2(id, qPrintable(errorText(id)));
        const Expected<RunResult> back = store->loadRun(*id);
        QVERIFY2(back, qPrintable(errorText(back)));
        QCOMPARE(back->cancelled, true);
        QCOMPARE(back->info.suiteName, run.info.suiteName);
        QCOMPARE(back->info.started, run.info.started);
        QCOMPARE(back->info.finished, run.info.finished);
        QCOMPARE(back->info.host, run.info.host);
        QCOMPARE(back->info.cpu, run.info.cpu);
        QCOMPARE(back->info.cpuCount, run.info.cpuCount);
        QCOMPARE(back->info.gitCommit, run.info.gitCommit);
        QCOMPARE(back->info.sampleCount, run.info.sampleCount);
        QCOMPARE(back->budgets.size(), std::size_t(1));
        QCOMPARE(back->budgets[0].workload, budget.workload);
        QCOMPARE(back->budgets[0].status, BudgetStatus::Failed);
        QCOMPARE(*back->budgets[0].measured, 7.5);
        QCOMPARE(back->claims.size(), std::size_t(1));
        QCOMPARE(back->claims[0].verdict, ClaimVerdict::Confirmed);
        QCOMPARE(back->claims[0].ci95Pct.high, 45.0);
        QCOMPARE(back->results.size(), run.results.size());
        for (std::size_t i = 0; i < run.results.size(); ++i) {
            const Result& a = run.results[i];
            const Result& b = back->results[i];
            QCOMPARE(b.info.id, a.info.id);
            QCOMPARE(b.info.category, a.info.category);
            QCOMPARE(b.info.description, a.info.description);
            QCOMPARE(b.info.unit, a.info.unit);
            QCOMPARE(b.info.pairedWith, a.info.pairedWith);
            QCOMPARE(b.info.parameters, a.info.parameters);
            QCOMPARE(b.status, a.status);
            QCOMPARE(b.error, a.error);
            QCOMPARE(b.summary.median, a.summary.median);
            QCOMPARE(b.summary.mean, a.summary.mean);
            QCOMPARE(b.summary.p99, a.summary.p99);
            QCOMPARE(b.summary.ci95.low, a.summary.ci95.low);
            QCOMPARE(b.summary.ci95.high, a.summary.ci95.high);
            QCOMPARE(b.summary.outliers.highMild, a.summary.outliers.highMild);
            QCOMPARE(b.peakRssBytes, a.peakRssBytes);
            QCOMPARE(b.throughputPerS, a.throughputPerS);
            compareSamples(a.samples, b.samples);
        }
        const Expected<RunResult> none = store->loadRun(*id + 1000);
        QVERIFY(!none);
        QCOMPARE(none.error().kind, ErrorKind::Input);
        QVERIFY2(none.error().message.contains(QLatin1String("no run")), qPrintable(errorText(none)));
    }

    void runsResultsAndTrend_data() { backends(); }
    void runsResultsAndTrend()
    {
        auto store = freshStore();
        QVERIFY(store);
        // Five runs on host h (the fourth a step slower), one on another host, one other suite.
        std::vector<qint64> ids;
        const double medians[] = {100, 101, 99, 150, 151};
        for (int i = 0; i < 5; ++i)
            ids.push_back(*store->recordRun(
                runOf({measured(QStringLiteral("cli.a"), medians[i], i), measured(QStringLiteral("cli.b"), 10, i)})));
        QVERIFY(store->recordRun(
            runOf({measured(QStringLiteral("cli.a"), 500, 9)}, QStringLiteral("s"), QStringLiteral("other"))));
        QVERIFY(store->recordRun(runOf({measured(QStringLiteral("cli.a"), 700, 9)}, QStringLiteral("t"))));

        HistoryStore::Filter onH;
        onH.suite = QStringLiteral("s");
        onH.host = QStringLiteral("h");
        const auto list = *store->runs(onH, 0);
        QCOMPARE(list.size(), std::size_t(5));
        QCOMPARE(list.front().id, ids.back()); // newest first
        QCOMPARE(list.front().workloadCount, 2);
        QCOMPARE(store->runs({}, 3)->size(), std::size_t(3));

        const auto latest = *store->results(QStringLiteral("cli.a"), onH, 2, true);
        QCOMPARE(latest.size(), std::size_t(2));
        QCOMPARE(latest[0].runId, ids[4]);
        QCOMPARE(latest[1].runId, ids[3]);
        QCOMPARE(latest[0].result.samples.size(), std::size_t(30));
        QVERIFY(qAbs(latest[0].result.summary.median - 151) < 3);

        onH.beforeRun = ids[2];
        const auto before = *store->results(QStringLiteral("cli.a"), onH, 0, false);
        QCOMPARE(before.size(), std::size_t(2));
        QVERIFY(before[0].result.samples.empty());

        const Expected<void> saved = store->saveBaseline(QStringLiteral("release-1"), ids[1]);
        QVERIFY2(saved, qPrintable(errorText(saved)));
        const auto trended =
            store->trend(QStringLiteral("cli.a"), {QStringLiteral("s"), QStringLiteral("h"), false, 0});
        QVERIFY2(trended, qPrintable(errorText(trended)));
        const auto& trend = *trended;
        QCOMPARE(trend.size(), std::size_t(5));
        for (std::size_t i = 0; i < trend.size(); ++i) {
            QCOMPARE(trend[i].runId, ids[i]); // oldest first
            QVERIFY(qAbs(trend[i].median - medians[i]) < 3);
            QVERIFY(trend[i].ci95.low <= trend[i].median && trend[i].median <= trend[i].ci95.high);
        }
        QCOMPARE(trend[1].baselines, QStringList{QStringLiteral("release-1")});
        QCOMPARE(store->trend(QStringLiteral("cli.a"), {})->size(), std::size_t(7));
        QVERIFY(store->trend(QStringLiteral("no.such"), {})->empty());
    }

    void baselines_data() { backends(); }
    void baselines()
    {
        auto store = freshStore();
        QVERIFY(store);
        const Expected<qint64> none = store->baselineRun(QStringLiteral("main"));
        QVERIFY(!none);
        QCOMPARE(none.error().kind, ErrorKind::Input);
        QVERIFY2(none.error().message.contains(QLatin1String("--save-baseline")), qPrintable(errorText(none)));
        const qint64 first = *store->recordRun(runOf({measured(QStringLiteral("cli.a"), 100, 1)}));
        const qint64 second = *store->recordRun(runOf({measured(QStringLiteral("cli.a"), 100, 2)}));
        QVERIFY(store->saveBaseline(QStringLiteral("main"), first));
        QVERIFY(store->saveBaseline(QStringLiteral("v2"), first));
        QCOMPARE(*store->baselineRun(QStringLiteral("main")), first);
        QVERIFY(store->saveBaseline(QStringLiteral("main"), second)); // moves the name
        QCOMPARE(*store->baselineRun(QStringLiteral("main")), second);
        QCOMPARE(*store->baselineNames(), (QStringList{QStringLiteral("main"), QStringLiteral("v2")}));
        const Expected<qint64> nope = store->baselineRun(QStringLiteral("nope"));
        QVERIFY(!nope);
        QVERIFY2(nope.error().message.contains(QLatin1String("known: main, v2")), qPrintable(errorText(nope)));
        const auto list = *store->runs({}, 0);
        QCOMPARE(list.back().baselines, QStringList{QStringLiteral("v2")});
        QCOMPARE(list.front().baselines, QStringList{QStringLiteral("main")});
    }

    void comparesWithPreviousRunOrNamedBaseline_data() { backends(); }
    void comparesWithPreviousRunOrNamedBaseline()
    {
        auto store = freshStore();
        QVERIFY(store);
        // A steady history first: a verdict learns from it how much the workloads move from run
        // to run (NoiseModel.h), and calls a change only against that.
        for (std::uint64_t seed = 10; seed < 14; ++seed)
            QVERIFY(store->recordRun(
                runOf({measured(QStringLiteral("cli.a"), 100, seed), measured(QStringLiteral("cli.b"), 50, seed)})));
        const qint64 base = *store->recordRun(
            runOf({measured(QStringLiteral("cli.a"), 100, 1), measured(QStringLiteral("cli.b"), 50, 1)}));
        QVERIFY(store->saveBaseline(QStringLiteral("base"), base));
        // The previous run, on another host or of another suite, is not this one's baseline.
        QVERIFY(store->recordRun(
            runOf({measured(QStringLiteral("cli.a"), 300, 2)}, QStringLiteral("s"), QStringLiteral("elsewhere"))));
        const qint64 slower = *store->recordRun(runOf({measured(QStringLiteral("cli.a"), 150, 3)}));

        // Against the previous run of this suite on this host: cli.a is back to 100 (improved
        // from 150), cli.b is as before (unchanged), cli.c is new (no baseline).
        RunResult now = runOf({measured(QStringLiteral("cli.a"), 100, 4), measured(QStringLiteral("cli.b"), 50, 4),
                               measured(QStringLiteral("cli.c"), 1, 4)});
        const Expected<void> compared =
            compareStoredRun(now, 0, *store, BaselineChoice::previousRun(), kDefaultNoiseThresholdPct);
        QVERIFY2(compared, qPrintable(errorText(compared)));
        QVERIFY(now.results[0].baseline);
        QCOMPARE(now.results[0].baseline->name, QStringLiteral("previous run %1").arg(slower));
        QCOMPARE(now.results[0].baseline->verdict, ChangeVerdict::Improved);
        QVERIFY(qAbs(now.results[0].baseline->changePct + 33.3) < 2);
        QCOMPARE(now.results[1].baseline->verdict, ChangeVerdict::Unchanged);
        QCOMPARE(now.results[1].baseline->name, QStringLiteral("previous run %1").arg(base));
        QVERIFY(!now.results[2].baseline);

        // Against the named baseline: 50% slower is a regression, the same is unchanged.
        RunResult later = runOf({measured(QStringLiteral("cli.a"), 150, 5), measured(QStringLiteral("cli.b"), 50, 5)});
        QVERIFY(compareStoredRun(later, 0, *store, BaselineChoice::named(QStringLiteral("base")),
                                 kDefaultNoiseThresholdPct));
        QCOMPARE(later.results[0].baseline->verdict, ChangeVerdict::Regressed);
        QVERIFY(qAbs(later.results[0].baseline->changePct - 50) < 3);
        QCOMPARE(later.results[1].baseline->verdict, ChangeVerdict::Unchanged);
        QCOMPARE(later.results[1].baseline->name, QStringLiteral("base"));
    }

    void importedContentIsFoundAgain_data() { backends(); }
    void importedContentIsFoundAgain()
    {
        const std::unique_ptr<HistoryStore> store = freshStore();
        QVERIFY(store);
        const auto before = store->runWithContent(QStringLiteral("abc"));
        QVERIFY2(before, qPrintable(errorText(before)));
        QVERIFY(!*before);
        const Expected<qint64> own = store->recordRun(runOf({measured(QStringLiteral("cli.a"), 100, 1)}));
        QVERIFY2(own, qPrintable(errorText(own)));
        const Expected<qint64> first = store->recordRun(runOf({measured(QStringLiteral("cli.a"), 100, 2)}),
                                                        QStringLiteral("hyperfine"), QStringLiteral("abc"));
        QVERIFY2(first, qPrintable(errorText(first)));
        const Expected<qint64> again = store->recordRun(runOf({measured(QStringLiteral("cli.a"), 100, 2)}),
                                                        QStringLiteral("hyperfine"), QStringLiteral("abc"));
        QVERIFY2(again, qPrintable(errorText(again)));
        // The earliest import of that content, with its record as the run list has it.
        const auto found = store->runWithContent(QStringLiteral("abc"));
        QVERIFY2(found && *found, qPrintable(errorText(found)));
        QCOMPARE((*found)->id, *first);
        QCOMPARE((*found)->source, QStringLiteral("hyperfine"));
        QCOMPARE((*found)->workloadCount, 1);
        // A run of our own has no content hash; another hash finds nothing.
        QVERIFY(!*store->runWithContent(QString()));
        const auto other = store->runWithContent(QStringLiteral("abd"));
        QVERIFY2(other, qPrintable(errorText(other)));
        QVERIFY(!*other);
    }

    void version1StoresAreMigrated()
    {
        // A store as version 1 wrote it: no content_hash column, version 1 recorded.
        const QString path = m_dir.filePath(QStringLiteral("version1.sqlite"));
        {
            const auto store = HistoryStore::open(path);
            QVERIFY2(store, qPrintable(errorText(store)));
            const Expected<qint64> recorded = (*store)->recordRun(runOf({measured(QStringLiteral("cli.old"), 100, 3)}));
            QVERIFY2(recorded, qPrintable(errorText(recorded)));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("downgrade"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const char* sql : {"DROP INDEX runs_by_content_hash", "ALTER TABLE runs DROP COLUMN content_hash",
                                    "UPDATE crucible_schema SET version = 1"})
                QVERIFY2(q.exec(QLatin1String(sql)), qPrintable(q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("downgrade"));

        const auto opened = HistoryStore::open(path);
        QVERIFY2(opened, qPrintable(errorText(opened)));
        HistoryStore* store = opened->get();
        // The old run reads as before, and has no hash to match.
        const std::vector<HistoryStore::RunRecord> runs = store->runs({}, 0).value_or({});
        QCOMPARE(int(runs.size()), 1);
        const Expected<RunResult> old = store->loadRun(runs[0].id);
        QVERIFY2(old, qPrintable(errorText(old)));
        QCOMPARE(old->results.at(0).info.id, QStringLiteral("cli.old"));
        QCOMPARE(int(old->results.at(0).samples.size()), 30);
        const auto unmatched = store->runWithContent(QStringLiteral("abc"));
        QVERIFY2(unmatched, qPrintable(errorText(unmatched)));
        QVERIFY(!*unmatched);
        // The migrated store keeps hashes.
        const Expected<qint64> imported = store->recordRun(runOf({measured(QStringLiteral("cli.old"), 100, 4)}),
                                                           QStringLiteral("hyperfine"), QStringLiteral("abc"));
        QVERIFY2(imported, qPrintable(errorText(imported)));
        QCOMPARE((*store->runWithContent(QStringLiteral("abc")))->id, *imported);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT MAX(version) FROM crucible_schema")) && q.next());
            QCOMPARE(q.value(0).toInt(), 2);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    }

    void refusesUnusableStores()
    {
        QString error;
        // Not a database at all.
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.sqlite"));
        {
            QFile f(garbage);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'x'));
        }
        error = whyUnusable(garbage);
        QCOMPARE(error,
                 QStringLiteral("history store: %1 is not a SQLite database (give a crucible-bench history file, "
                                "or the path of a new one); it was left as it was")
                     .arg(garbage));
        QCOMPARE(QFile(garbage).size(), qint64(8192)); // left as it was

        // A directory where a file is wanted: said in words, not SQLite's "unable to open database file".
        error = whyUnusable(m_dir.path());
        QCOMPARE(error,
                 QStringLiteral("history store: %1 is a directory; give a file path, such as %1/history.sqlite")
                     .arg(m_dir.path()));

        // A directory that cannot be made (its parent is a file): the file in the way is named.
        error = whyUnusable(garbage + QStringLiteral("/sub/h.sqlite"));
        QVERIFY2(error.contains(
                     QStringLiteral("cannot create the directory %1/sub: %1 is a file, not a directory").arg(garbage)),
                 qPrintable(error));

        // A missing parent directory is made, as the default store's is.
        const QString nested = m_dir.filePath(QStringLiteral("new/deeper/h.sqlite"));
        QCOMPARE(whyUnusable(nested), QString());
        QVERIFY(QFile::exists(nested));

        // Written by a newer crucible-bench.
        const QString newer = m_dir.filePath(QStringLiteral("newer.sqlite"));
        QCOMPARE(whyUnusable(newer), QString());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("poke"));
            db.setDatabaseName(newer);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("UPDATE crucible_schema SET version = 99")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("poke"));
        error = whyUnusable(newer);
        QVERIFY2(error.contains(QLatin1String("schema version is 99")), qPrintable(error));

        // Locked by another writer for longer than the busy timeout.
        const QString locked = m_dir.filePath(QStringLiteral("locked.sqlite"));
        const auto holder = HistoryStore::open(locked, 100);
        QVERIFY(holder);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lock"));
            db.setDatabaseName(locked);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            error = whyUnusable(locked, 100);
            QVERIFY2(error.contains(locked + QStringLiteral(" is locked")), qPrintable(error));
            // A store that fails once open is not the user's input: exit code 1, not 2.
            const Expected<qint64> recorded = (*holder)->recordRun(runOf({measured(QStringLiteral("cli.a"), 1, 1)}));
            QVERIFY(!recorded);
            QCOMPARE(recorded.error().kind, ErrorKind::Internal);
            QVERIFY2(recorded.error().message.contains(QLatin1String("nothing of it was recorded")),
                     qPrintable(errorText(recorded)));
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("lock"));
    }

    void unwritableLocationsAreNamed()
    {
        // File permissions do not bind root, who may write anywhere: nothing to see there.
        if (::geteuid() == 0)
            QSKIP("running as root, for whom no file or directory is read-only");
        QString error;
        const QString closed = m_dir.filePath(QStringLiteral("closed"));
        QVERIFY(QDir().mkpath(closed));
        QVERIFY(QFile::setPermissions(closed, QFile::ReadOwner | QFile::ExeOwner));
        error = whyUnusable(closed + QStringLiteral("/h.sqlite"));
        QCOMPARE(
            error,
            QStringLiteral("history store: cannot create %1/h.sqlite: the directory %1 is not writable").arg(closed));
        error = whyUnusable(closed + QStringLiteral("/sub/h.sqlite"));
        QVERIFY2(error.contains(QStringLiteral("the directory %1 is not writable").arg(closed)), qPrintable(error));
        QVERIFY(QFile::setPermissions(closed, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

        const QString readOnly = m_dir.filePath(QStringLiteral("readonly.sqlite"));
        QCOMPARE(whyUnusable(readOnly), QString());
        QVERIFY(QFile::setPermissions(readOnly, QFile::ReadOwner));
        error = whyUnusable(readOnly);
        QVERIFY2(error.startsWith(QStringLiteral("history store: %1 is read-only").arg(readOnly)), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
