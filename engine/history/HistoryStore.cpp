#include "HistoryStore.h"

#include "HistorySchema.h"
#include "SampleBlob.h"
#include "SqliteTrouble.h"
#include "interop/ResultsJson.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace crucible {

using history::Dialect;
using history::HistoryLocation;

struct HistoryStore::Connection {
    QString name; // the QSqlDatabase connection name, unique per store
    HistoryLocation location;
    Dialect dialect = Dialect::SQLite;

    // The connection, checked first when it has been idle for a while: a PostgreSQL server may
    // have restarted since (during the run's measurements, say), which closes it on the server's
    // side without this side knowing until a query fails. One round trip finds out, and a new
    // connection replaces it, so that comparing and recording after a restart just work.
    QSqlDatabase db() const
    {
        QSqlDatabase d = QSqlDatabase::database(name, false);
        constexpr qint64 kIdleCheckMs = 200; // a server restart takes longer than this
        if (dialect == Dialect::PostgreSQL && d.isOpen() && (!idle.isValid() || idle.elapsed() > kIdleCheckMs)) {
            QSqlQuery probe(d);
            if (!probe.exec(QStringLiteral("SELECT 1"))) {
                d.close();
                d.open(); // failing, it stays closed: the caller's query says why
            }
        }
        idle.start();
        return d;
    }
    mutable QElapsedTimer idle; // since the last use of the connection

    ~Connection()
    {
        {
            QSqlDatabase d = db();
            d.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
};

namespace {

// Times are stored as milliseconds since the epoch: the same on both engines, ordered, and free
// to convert (parsing ISO text cost more than the trend query itself).
qint64 epochMs(const QDateTime& t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}
QDateTime fromEpochMs(const QVariant& v)
{
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QString compactJson(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QJsonObject jsonObject(const QString& s)
{
    return QJsonDocument::fromJson(s.toUtf8()).object();
}

bool run(QSqlQuery& q, QString* error)
{
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

bool exec(const QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = q.lastError().text();
    return false;
}

// Qt binds a null QString as SQL NULL; the schema's text columns are NOT NULL, and "" is what
// an empty error or commit means.
QVariant notNullText(const QString& s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

QString outliersText(const stats::OutlierCounts& o)
{
    return QStringLiteral("%1,%2,%3,%4").arg(o.lowSevere).arg(o.lowMild).arg(o.highMild).arg(o.highSevere);
}

stats::OutlierCounts outliersFrom(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    stats::OutlierCounts o;
    if (parts.size() == 4) {
        o.lowSevere = parts[0].toInt();
        o.lowMild = parts[1].toInt();
        o.highMild = parts[2].toInt();
        o.highSevere = parts[3].toInt();
    }
    return o;
}

// The result's info column: what describes the workload, and how its samples were taken in
// rounds (which sample is in which round, and the reference before it), so that a verdict
// against a stored run reads its rounds as it would read a fresh run's.
QJsonObject resultInfoJson(const Result& r)
{
    return QJsonObject{
        {QStringLiteral("description"), r.info.description},
        {QStringLiteral("operation"), r.info.operation},
        {QStringLiteral("parameters"), QJsonObject::fromVariantMap(r.info.parameters)},
        {QStringLiteral("paired_with"), r.info.pairedWith},
        {QStringLiteral("rounds"), roundsToJson(r.rounds)},
        {QStringLiteral("stability"), stabilityToJson(r.stability)},
    };
}

// The columns every result query selects (resultFromRow reads them by name); the samples blob
// comes last when asked.
const char kResultColumns[] =
    "x.run_id, r.started, x.workload, x.category, x.unit, x.status, x.error, x.info, x.sample_count, x.mean, "
    "x.median, x.stddev, x.mad, x.cv, x.min_value, x.max_value, x.p90, x.p99, x.ci_low, x.ci_high, x.outliers, "
    "x.throughput, x.peak_rss, x.user_ns, x.sys_ns, r.source";

// One row of kResultColumns (plus the samples blob when `withSamples`), each read by its name, so
// that a column added to the SELECT cannot shift the others.
Expected<HistoryStore::StoredResult> resultFromRow(const QSqlQuery& q, bool withSamples)
{
    const auto column = [&q](const char* name) { return q.value(QLatin1String(name)); };
    HistoryStore::StoredResult stored;
    stored.runId = column("run_id").toLongLong();
    stored.started = fromEpochMs(column("started"));
    stored.source = column("source").toString();
    Result& r = stored.result;
    r.info.id = column("workload").toString();
    r.info.category = categoryFromName(column("category").toString()).value_or(Category::External);
    r.info.unit = column("unit").toString();
    r.status = statusFromName(column("status").toString()).value_or(Status::Failed);
    r.error = column("error").toString();
    const QJsonObject info = jsonObject(column("info").toString());
    r.info.description = info.value(QStringLiteral("description")).toString();
    r.info.operation = info.value(QStringLiteral("operation")).toString();
    r.info.parameters = info.value(QStringLiteral("parameters")).toObject().toVariantMap();
    r.info.pairedWith = info.value(QStringLiteral("paired_with")).toString();
    r.rounds = roundsFromJson(info.value(QStringLiteral("rounds")));
    // A damaged row keeps its samples; rounds that do not fit them are dropped, never indexed.
    if (!roundsFit(r.rounds, std::size_t(std::max<qlonglong>(column("sample_count").toLongLong(), 0))))
        r.rounds.clear();
    const QJsonObject stability = info.value(QStringLiteral("stability")).toObject();
    r.stability.unstable = stability.value(QStringLiteral("unstable")).toBool();
    r.stability.shiftIndex = stability.value(QStringLiteral("shift_index")).toInt(-1);
    r.stability.shiftPct = stability.value(QStringLiteral("shift_pct")).toDouble();
    stats::Summary& s = r.summary;
    s.n = std::size_t(column("sample_count").toLongLong());
    s.mean = column("mean").toDouble();
    s.median = column("median").toDouble();
    s.stddev = column("stddev").toDouble();
    s.mad = column("mad").toDouble();
    s.cv = column("cv").toDouble();
    s.min = column("min_value").toDouble();
    s.max = column("max_value").toDouble();
    s.p90 = column("p90").toDouble();
    s.p99 = column("p99").toDouble();
    s.ci95 = {column("ci_low").toDouble(), column("ci_high").toDouble()};
    s.outliers = outliersFrom(column("outliers").toString());
    r.throughputPerS = column("throughput").toDouble();
    r.peakRssBytes = column("peak_rss").toLongLong();
    r.userNs = column("user_ns").toDouble();
    r.sysNs = column("sys_ns").toDouble();
    if (withSamples) {
        std::optional<Samples> samples = history::decodeSamples(column("samples").toByteArray());
        if (!samples)
            return Error::input(
                QStringLiteral("run %1, workload %2: the stored samples are damaged").arg(stored.runId).arg(r.info.id));
        r.samples = std::move(*samples);
    }
    return stored;
}

// " AND ..." clauses for a filter, with its values bound in order by bindFilter().
QString filterClauses(const HistoryStore::Filter& f)
{
    QString sql;
    if (!f.suite.isEmpty())
        sql += QLatin1String(" AND r.suite = ?");
    if (!f.host.isEmpty())
        sql += QLatin1String(" AND r.host = ?");
    if (f.beforeRun > 0)
        sql += QLatin1String(" AND r.id < ?");
    return sql;
}

void bindFilter(QSqlQuery& q, const HistoryStore::Filter& f)
{
    if (!f.suite.isEmpty())
        q.addBindValue(f.suite);
    if (!f.host.isEmpty())
        q.addBindValue(f.host);
    if (f.beforeRun > 0)
        q.addBindValue(f.beforeRun);
}

QString limitClause(int limit)
{
    return limit > 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString();
}

bool openSqlite(QSqlDatabase& db, const HistoryLocation& location, int busyTimeoutMs, QString* error)
{
    const QFileInfo file(location.path);
    // The default store's directory may not exist yet, nor a --db path's: both are made.
    if (!QDir().mkpath(file.absolutePath())) {
        *error = history::explainUncreatableDirectory(file.absolutePath());
        return false;
    }
    db.setDatabaseName(location.path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    // The first statement reads the file header, so a file that is not a database fails here.
    // WAL: readers (the window's history view) never block the writer, and a process killed
    // mid-write leaves the last committed state. NORMAL sync is durable against process crashes.
    return exec(db, QStringLiteral("PRAGMA journal_mode = WAL"), error)
        && exec(db, QStringLiteral("PRAGMA synchronous = NORMAL"), error)
        && exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), error)
        // Reading through a memory map and a larger page cache keeps trends and overlays off
        // the read() path; both only change how this connection reads.
        && exec(db, QStringLiteral("PRAGMA mmap_size = 268435456"), error)
        && exec(db, QStringLiteral("PRAGMA cache_size = -32768"), error);
}

bool openPostgres(QSqlDatabase& db, const HistoryLocation& location, QString* error)
{
    db.setHostName(location.host);
    db.setPort(location.port);
    db.setDatabaseName(location.database);
    if (!location.user.isEmpty())
        db.setUserName(location.user);
    if (!location.password.isEmpty())
        db.setPassword(location.password);
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    // Quiet the server's NOTICEs (e.g. "relation already exists, skipping") on stderr.
    return exec(db, QStringLiteral("SET client_min_messages = WARNING"), error);
}

} // namespace

HistoryStore::HistoryStore(std::unique_ptr<Connection> connection) : m_db(std::move(connection))
{ }
HistoryStore::~HistoryStore() = default;

Expected<std::unique_ptr<HistoryStore>> HistoryStore::open(const QString& locationText, int busyTimeoutMs)
{
    const Expected<HistoryLocation> location = history::parseHistoryLocation(locationText);
    if (!location)
        return location.error();
    auto connection = std::make_unique<Connection>();
    connection->name = QStringLiteral("crucible-history-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    connection->location = *location;
    const bool pg = location->kind == HistoryLocation::Kind::PostgreSQL;
    connection->dialect = pg ? Dialect::PostgreSQL : Dialect::SQLite;
    const QString driver = pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE");
    // Whatever stops a store from opening makes it unusable: an input error (SPEC.md "Exit
    // codes"), a missing driver included, since another --db may still work.
    if (!QSqlDatabase::isDriverAvailable(driver))
        return Error::input(QStringLiteral("history store %1: Qt's %2 driver is not installed (Debian package %3)")
                                .arg(location->display(), driver,
                                     pg ? QStringLiteral("libqt6sql6-psql") : QStringLiteral("libqt6sql6-sqlite")));
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, connection->name);
    QString why;
    bool opened = pg ? openPostgres(db, *location, &why) : openSqlite(db, *location, busyTimeoutMs, &why);
    if (opened) {
        const Expected<void> migrated = history::migrateSchema(db, connection->dialect);
        if (!migrated)
            why = migrated.error().message;
        opened = migrated.has_value();
    }
    if (!opened) {
        // SQLite's own words ("unable to open database file", "file is not a database") name
        // no file and no remedy; said again in words that do, whenever the cause can be told.
        // PostgreSQL's (libpq's) already say what is wrong; the URL says where.
        const QString explained = pg ? QString() : history::explainSqliteFailure(location->path, why.trimmed());
        return Error::input(explained.isEmpty()
                                ? QStringLiteral("history store %1: %2").arg(location->display(), why.trimmed())
                                : QStringLiteral("history store: %1").arg(explained));
    }
    return std::unique_ptr<HistoryStore>(new HistoryStore(std::move(connection)));
}

QString HistoryStore::location() const
{
    return m_db->location.display();
}
bool HistoryStore::isPostgreSQL() const
{
    return m_db->dialect == Dialect::PostgreSQL;
}

Expected<void> HistoryStore::reachable() const
{
    QSqlDatabase db = m_db->db();
    if (db.isOpen() || db.open())
        return {};
    QString why = db.lastError().text().simplified();
    if (why.isEmpty())
        why = QStringLiteral("the connection to the server was lost and cannot be made again");
    return Error::internal(QStringLiteral("history store %1: cannot reach it: %2").arg(location(), why));
}

Expected<qint64> HistoryStore::recordRun(const RunResult& runResult, const QString& source, const QString& contentHash)
{
    QSqlDatabase db = m_db->db();
    const bool pg = isPostgreSQL();
    QString why;
    auto fail = [&](const QString& what) -> Expected<qint64> {
        QString ignored;
        if (db.isOpen())
            exec(db, QStringLiteral("ROLLBACK"), &ignored);
        return Error::internal(
            QStringLiteral("history store %1: recording the run failed (%2): %3; nothing of it was recorded")
                .arg(location(), what, why.trimmed()));
    };
    if (const Expected<void> ok = reachable(); !ok)
        return Error::internal(ok.error().message + QStringLiteral("; nothing of this run was recorded"));
    if (!exec(db, pg ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"), &why))
        return fail(QStringLiteral("begin"));

    const RunInfo& info = runResult.info;
    QSqlQuery insertRun(db);
    insertRun.prepare(QStringLiteral("INSERT INTO runs (suite, source, started, finished, host, git_commit, cancelled, "
                                     "content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    insertRun.addBindValue(notNullText(info.suiteName));
    insertRun.addBindValue(notNullText(source));
    insertRun.addBindValue(epochMs(info.started));
    insertRun.addBindValue(epochMs(info.finished));
    insertRun.addBindValue(notNullText(info.host));
    insertRun.addBindValue(notNullText(info.gitCommit));
    insertRun.addBindValue(runResult.cancelled ? 1 : 0);
    // NULL for a run of our own: no content to match.
    insertRun.addBindValue(contentHash.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(contentHash));
    if (!run(insertRun, &why) || !insertRun.next())
        return fail(QStringLiteral("run row"));
    const qint64 runId = insertRun.value(0).toLongLong();
    insertRun.finish();
    QSqlQuery insertDetails(db);
    insertDetails.prepare(QStringLiteral("INSERT INTO run_details (run_id, info, gates) VALUES (?, ?, ?)"));
    insertDetails.addBindValue(runId);
    insertDetails.addBindValue(compactJson(runInfoToJson(info)));
    insertDetails.addBindValue(compactJson(gatesToJson(runResult)));
    if (!run(insertDetails, &why))
        return fail(QStringLiteral("run details"));

    QSqlQuery insertResult(db);
    insertResult.prepare(QStringLiteral(
        "INSERT INTO results (run_id, position, workload, category, unit, status, error, info, sample_count, mean, "
        "median, "
        "stddev, mad, cv, min_value, max_value, p90, p99, ci_low, ci_high, outliers, throughput, peak_rss, user_ns, "
        "sys_ns, "
        "samples) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    int position = 0;
    for (const Result& r : runResult.results) {
        const stats::Summary& s = r.summary;
        for (const QVariant& v : {QVariant(runId),
                                  QVariant(position++),
                                  notNullText(r.info.id),
                                  QVariant(categoryName(r.info.category)),
                                  notNullText(r.info.unit),
                                  QVariant(statusName(r.status)),
                                  notNullText(r.error),
                                  QVariant(compactJson(resultInfoJson(r))),
                                  QVariant(qint64(r.samples.size())),
                                  QVariant(s.mean),
                                  QVariant(s.median),
                                  QVariant(s.stddev),
                                  QVariant(s.mad),
                                  QVariant(s.cv),
                                  QVariant(s.min),
                                  QVariant(s.max),
                                  QVariant(s.p90),
                                  QVariant(s.p99),
                                  QVariant(s.ci95.low),
                                  QVariant(s.ci95.high),
                                  QVariant(outliersText(s.outliers)),
                                  QVariant(r.throughputPerS),
                                  QVariant(qint64(r.peakRssBytes)),
                                  QVariant(r.userNs),
                                  QVariant(r.sysNs),
                                  QVariant(history::encodeSamples(r.samples))})
            insertResult.addBindValue(v);
        if (!run(insertResult, &why))
            return fail(QStringLiteral("workload %1").arg(r.info.id));
    }
    if (!exec(db, QStringLiteral("COMMIT"), &why))
        return fail(QStringLiteral("commit"));
    return runId;
}

Expected<std::vector<HistoryStore::RunRecord>> HistoryStore::runs(const Filter& filter, int limit) const
{
    std::vector<RunRecord> records;
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    // The one aggregate the two engines spell differently.
    const QString baselineNames = isPostgreSQL() ? QStringLiteral("string_agg(b.name, ',' ORDER BY b.name)")
                                                 : QStringLiteral("group_concat(b.name, ',')");
    q.prepare(
        QStringLiteral("SELECT r.id, (SELECT d.info FROM run_details d WHERE d.run_id = r.id), r.source, r.cancelled, "
                       "(SELECT COUNT(*) FROM results x WHERE x.run_id = r.id), "
                       "(SELECT %1 FROM baselines b WHERE b.run_id = r.id) "
                       "FROM runs r WHERE 1 = 1%2 ORDER BY r.id DESC%3")
            .arg(baselineNames, filterClauses(filter), limitClause(limit)));
    bindFilter(q, filter);
    QString why;
    if (!run(q, &why))
        return Error::internal(QStringLiteral("history store %1: listing runs: %2").arg(location(), why));
    while (q.next()) {
        RunRecord rec;
        rec.id = q.value(0).toLongLong();
        rec.info = runInfoFromJson(jsonObject(q.value(1).toString()));
        rec.source = q.value(2).toString();
        rec.cancelled = q.value(3).toInt() != 0;
        rec.workloadCount = q.value(4).toInt();
        const QString names = q.value(5).toString();
        if (!names.isEmpty())
            rec.baselines = names.split(QLatin1Char(','));
        records.push_back(std::move(rec));
    }
    return records;
}

Expected<std::optional<HistoryStore::RunRecord>> HistoryStore::runWithContent(const QString& contentHash) const
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT MIN(id) FROM runs WHERE content_hash = ?"));
    q.addBindValue(contentHash);
    QString why;
    if (!run(q, &why))
        return Error::internal(
            QStringLiteral("history store %1: looking for an earlier import: %2").arg(location(), why));
    if (!q.next() || q.value(0).isNull())
        return std::nullopt;
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    // Its record as the run list shows it (source, baselines), by the same query.
    Filter only;
    only.beforeRun = id + 1;
    Expected<std::vector<RunRecord>> records = runs(only, 1);
    if (!records)
        return records.error();
    for (RunRecord& record : *records)
        if (record.id == id)
            return std::move(record);
    return Error::internal(
        QStringLiteral("history store %1: run %2 vanished while it was read").arg(location()).arg(id));
}

Expected<RunInfo> HistoryStore::runInfo(qint64 runId) const
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT info FROM run_details WHERE run_id = ?"));
    q.addBindValue(runId);
    QString why;
    if (!run(q, &why))
        return Error::internal(
            QStringLiteral("history store %1: loading run %2: %3").arg(location()).arg(runId).arg(why));
    if (!q.next())
        return Error::input(QStringLiteral("history store %1: there is no run %2").arg(location()).arg(runId));
    return runInfoFromJson(jsonObject(q.value(0).toString()));
}

Expected<RunResult> HistoryStore::loadRun(qint64 runId) const
{
    RunResult loaded;
    {
        QSqlQuery head(m_db->db());
        head.prepare(QStringLiteral(
            "SELECT d.info, r.cancelled, d.gates FROM runs r JOIN run_details d ON d.run_id = r.id WHERE r.id = ?"));
        head.addBindValue(runId);
        QString why;
        if (!run(head, &why))
            return Error::internal(
                QStringLiteral("history store %1: loading run %2: %3").arg(location()).arg(runId).arg(why));
        if (!head.next())
            return Error::input(QStringLiteral("history store %1: there is no run %2").arg(location()).arg(runId));
        loaded.info = runInfoFromJson(jsonObject(head.value(0).toString()));
        loaded.cancelled = head.value(1).toInt() != 0;
        if (const Expected<void> gates = gatesFromJson(jsonObject(head.value(2).toString()), loaded); !gates)
            return gates.error().prefixed(QStringLiteral("history store %1: run %2: ").arg(location()).arg(runId));
    }
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, x.samples FROM results x JOIN runs r ON r.id = x.run_id WHERE x.run_id = ? "
                             "ORDER BY x.position")
                  .arg(QLatin1String(kResultColumns)));
    q.addBindValue(runId);
    QString why;
    if (!run(q, &why))
        return Error::internal(
            QStringLiteral("history store %1: loading run %2: %3").arg(location()).arg(runId).arg(why));
    while (q.next()) {
        Expected<StoredResult> stored = resultFromRow(q, true);
        if (!stored)
            return stored.error();
        loaded.results.push_back(std::move(stored->result));
    }
    return loaded;
}

Expected<std::vector<HistoryStore::StoredResult>> HistoryStore::results(const QString& workloadId, const Filter& filter,
                                                                        int limit, bool withSamples) const
{
    std::vector<StoredResult> out;
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1%2 FROM results x JOIN runs r ON r.id = x.run_id WHERE x.workload = ?%3%4 "
                             "ORDER BY x.run_id DESC%5")
                  .arg(QLatin1String(kResultColumns), withSamples ? QStringLiteral(", x.samples") : QString(),
                       filterClauses(filter), filter.okOnly ? QStringLiteral(" AND x.status = 'ok'") : QString(),
                       limitClause(limit)));
    q.addBindValue(workloadId);
    bindFilter(q, filter);
    QString why;
    if (!run(q, &why))
        return Error::internal(QStringLiteral("history store %1: results of %2: %3").arg(location(), workloadId, why));
    while (q.next()) {
        Expected<StoredResult> stored = resultFromRow(q, withSamples);
        if (!stored)
            return stored.error();
        out.push_back(std::move(*stored));
    }
    return out;
}

Expected<QStringList> HistoryStore::workloadIds(const Filter& filter) const
{
    QStringList ids;
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT DISTINCT x.workload FROM results x JOIN runs r ON r.id = x.run_id WHERE 1 = 1%1%2 "
                             "ORDER BY x.workload")
                  .arg(filterClauses(filter), filter.okOnly ? QStringLiteral(" AND x.status = 'ok'") : QString()));
    bindFilter(q, filter);
    QString why;
    if (!run(q, &why))
        return Error::internal(QStringLiteral("history store %1: listing workloads: %2").arg(location(), why));
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

Expected<std::vector<HistoryStore::TrendPoint>> HistoryStore::trend(const QString& workloadId,
                                                                    const Filter& filter) const
{
    std::vector<TrendPoint> points;
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    // Only the columns a trend plots: no blobs, no JSON, one index range scan.
    q.prepare(QStringLiteral("SELECT x.run_id, r.started, x.median, x.ci_low, x.ci_high, x.sample_count, x.unit "
                             "FROM results x JOIN runs r ON r.id = x.run_id "
                             "WHERE x.workload = ? AND x.status = 'ok' AND x.sample_count > 0%1 ORDER BY x.run_id")
                  .arg(filterClauses(filter)));
    q.addBindValue(workloadId);
    bindFilter(q, filter);
    QString why;
    if (!run(q, &why))
        return Error::internal(QStringLiteral("history store %1: trend of %2: %3").arg(location(), workloadId, why));
    while (q.next()) {
        TrendPoint p;
        p.runId = q.value(0).toLongLong();
        p.started = fromEpochMs(q.value(1));
        p.median = q.value(2).toDouble();
        p.ci95 = {q.value(3).toDouble(), q.value(4).toDouble()};
        p.sampleCount = q.value(5).toInt();
        p.unit = q.value(6).toString();
        points.push_back(std::move(p));
    }
    // Baselines are few: mark them after the scan rather than joining every row.
    QSqlQuery b(m_db->db());
    if (b.exec(QStringLiteral("SELECT name, run_id FROM baselines ORDER BY name"))) {
        while (b.next()) {
            const qint64 id = b.value(1).toLongLong();
            auto it = std::lower_bound(points.begin(), points.end(), id,
                                       [](const TrendPoint& p, qint64 v) { return p.runId < v; });
            if (it != points.end() && it->runId == id)
                it->baselines << b.value(0).toString();
        }
    }
    return points;
}

Expected<void> HistoryStore::saveBaseline(const QString& name, qint64 runId)
{
    QString why;
    QSqlQuery q(m_db->db());
    // One statement, so the name moves atomically from its old run to the new one.
    q.prepare(QStringLiteral("INSERT INTO baselines (name, run_id, saved) VALUES (?, ?, ?) "
                             "ON CONFLICT (name) DO UPDATE SET run_id = excluded.run_id, saved = excluded.saved"));
    q.addBindValue(name);
    q.addBindValue(runId);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!run(q, &why))
        return Error::internal(
            QStringLiteral("history store %1: saving baseline \"%2\": %3").arg(location(), name, why));
    return {};
}

Expected<qint64> HistoryStore::baselineRun(const QString& name) const
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT run_id FROM baselines WHERE name = ?"));
    q.addBindValue(name);
    QString why;
    if (!run(q, &why))
        return Error::internal(QStringLiteral("history store %1: %2").arg(location(), why));
    if (!q.next()) {
        // Only to help choose a name: a store that cannot list them lists none.
        const QStringList known = baselineNames().value_or({});
        return Error::input(QStringLiteral("no baseline named \"%1\" in %2 (%3)")
                                .arg(name, location(),
                                     known.isEmpty() ? QStringLiteral("it has none; save one with --save-baseline NAME")
                                                     : QStringLiteral("known: ") + known.join(QStringLiteral(", "))));
    }
    return q.value(0).toLongLong();
}

Expected<QStringList> HistoryStore::baselineNames() const
{
    QStringList names;
    QSqlQuery q(m_db->db());
    if (!q.exec(QStringLiteral("SELECT name FROM baselines ORDER BY name")))
        return Error::internal(QStringLiteral("history store %1: %2").arg(location(), q.lastError().text()));
    while (q.next())
        names << q.value(0).toString();
    return names;
}

} // namespace crucible
