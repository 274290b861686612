#include "HistorySchema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <optional>

namespace crucible::history {

namespace {

// Column types spelled for both engines. SQLite takes any type name and stores by affinity;
// PostgreSQL needs the real ones (its REAL is only 4 bytes, hence DOUBLE PRECISION everywhere).
QString typed(QString sql, Dialect dialect)
{
    const bool pg = dialect == Dialect::PostgreSQL;
    sql.replace(QLatin1String("{ID}"),
                pg ? QLatin1String("BIGSERIAL PRIMARY KEY") : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
    sql.replace(QLatin1String("{BLOB}"), pg ? QLatin1String("BYTEA") : QLatin1String("BLOB"));
    return sql;
}

// Version 1. Statistics have their own columns, so that trends and run lists read no blobs.
const char* const kVersion1[] = {
    "CREATE TABLE runs ("
    " id {ID},"
    " suite TEXT NOT NULL,"
    " source TEXT NOT NULL,"
    " started BIGINT NOT NULL," // milliseconds since 1970-01-01 UTC
    " finished BIGINT NOT NULL,"
    " host TEXT NOT NULL,"
    " git_commit TEXT NOT NULL,"
    " cancelled INTEGER NOT NULL)",
    // The wide per-run text lives apart, so that `runs` rows stay small and a trend's join to
    // them over thousands of runs stays in the page cache.
    "CREATE TABLE run_details ("
    " run_id BIGINT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,"
    " info TEXT NOT NULL,"   // the whole RunInfo as results.json's "run" object
    " gates TEXT NOT NULL)", // the budget and claim outcomes, as results.json's arrays
    "CREATE INDEX runs_by_suite_host ON runs (suite, host, id)",
    "CREATE TABLE results ("
    " run_id BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"
    " workload TEXT NOT NULL,"
    " category TEXT NOT NULL,"
    " unit TEXT NOT NULL,"
    " status TEXT NOT NULL,"
    " error TEXT NOT NULL,"
    " info TEXT NOT NULL," // description, operation, parameters, paired_with as JSON
    " sample_count INTEGER NOT NULL,"
    " mean DOUBLE PRECISION NOT NULL, median DOUBLE PRECISION NOT NULL,"
    " stddev DOUBLE PRECISION NOT NULL, mad DOUBLE PRECISION NOT NULL, cv DOUBLE PRECISION NOT NULL,"
    " min_value DOUBLE PRECISION NOT NULL, max_value DOUBLE PRECISION NOT NULL,"
    " p90 DOUBLE PRECISION NOT NULL, p99 DOUBLE PRECISION NOT NULL,"
    " ci_low DOUBLE PRECISION NOT NULL, ci_high DOUBLE PRECISION NOT NULL,"
    " outliers TEXT NOT NULL," // low_severe,low_mild,high_mild,high_severe
    " throughput DOUBLE PRECISION NOT NULL,"
    " peak_rss BIGINT NOT NULL,"
    " user_ns DOUBLE PRECISION NOT NULL, sys_ns DOUBLE PRECISION NOT NULL,"
    " samples {BLOB} NOT NULL,"
    " PRIMARY KEY (run_id, position))",
    // Covers the trend query, so a workload's trend over thousands of runs reads this index
    // alone rather than one wide results row (with its blob) per run.
    "CREATE INDEX results_by_workload ON results (workload, run_id, status, sample_count, median, ci_low, ci_high, "
    "unit)",
    "CREATE TABLE baselines ("
    " name TEXT PRIMARY KEY,"
    " run_id BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,"
    " saved BIGINT NOT NULL)",
};

// Version 2. Runs recorded before it have no hash (NULL): they were never compared, and an
// import of their file again is not noticed. Both engines add a nullable column in place.
const char* const kVersion2[] = {
    "ALTER TABLE runs ADD COLUMN content_hash TEXT",
    "CREATE INDEX runs_by_content_hash ON runs (content_hash)",
};

bool exec(QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = q.lastError().text();
    return false;
}

// The version recorded in the store, 0 for a store without the version table (a new one).
std::optional<int> storedVersion(QSqlDatabase& db, QString* error)
{
    if (!exec(db, QStringLiteral("CREATE TABLE IF NOT EXISTS crucible_schema (version INTEGER NOT NULL)"), error))
        return std::nullopt;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM crucible_schema"))) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    return q.next() && !q.value(0).isNull() ? q.value(0).toInt() : 0;
}

} // namespace

Expected<void> migrateSchema(QSqlDatabase& db, Dialect dialect)
{
    // SQLite: BEGIN IMMEDIATE takes the write lock at once, so a read-only or locked file fails
    // here, before a run is measured, and two processes cannot both create the schema.
    // PostgreSQL: a transaction-scoped advisory lock serialises CI runners sharing one database.
    const bool pg = dialect == Dialect::PostgreSQL;
    QString why;
    if (!exec(db, pg ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"), &why))
        return Error::input(why);
    auto fail = [&](const QString& why) -> Expected<void> {
        QString ignored;
        exec(db, QStringLiteral("ROLLBACK"), &ignored);
        return Error::input(why);
    };
    if (pg && !exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(7478321)"), &why))
        return fail(why);
    const std::optional<int> version = storedVersion(db, &why);
    if (!version)
        return fail(why);
    if (*version > kSchemaVersion)
        return fail(QStringLiteral("its schema version is %1, newer than this crucible-bench understands (%2); "
                                   "use a newer crucible-bench or another --db")
                        .arg(*version)
                        .arg(kSchemaVersion));
    if (*version < 1) {
        for (const char* statement : kVersion1) {
            if (!exec(db, typed(QString::fromLatin1(statement), dialect), &why))
                return fail(QStringLiteral("creating the schema: %1").arg(why));
        }
    }
    if (*version < 2) {
        for (const char* statement : kVersion2) {
            if (!exec(db, typed(QString::fromLatin1(statement), dialect), &why))
                return fail(QStringLiteral("migrating the schema to version 2: %1").arg(why));
        }
    }
    // Later versions add their steps here, each guarded by `*version < N`.
    if (*version < kSchemaVersion) {
        if (!exec(db, QStringLiteral("DELETE FROM crucible_schema"), &why)
            || !exec(db, QStringLiteral("INSERT INTO crucible_schema (version) VALUES (%1)").arg(kSchemaVersion), &why))
            return fail(why);
    }
    if (!exec(db, QStringLiteral("COMMIT"), &why))
        return fail(why);
    return {};
}

} // namespace crucible::history
