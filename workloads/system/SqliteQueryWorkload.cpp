#include "SqliteQueryWorkload.h"

#include "DoNotOptimize.h"
#include "Parameters.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <atomic>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

namespace crucible::workloads::sys {

namespace {

QString keyFor(std::int64_t row)
{
    return QStringLiteral("item-%1").arg(row, 6, 10, QLatin1Char('0'));
}

// A table of `rows` rows in a SQLite file (the same driver and file format as the history
// store), with an index on a text key; one iteration looks one row up by its key with a
// prepared statement and reads its columns. The keys are visited in a scattered order
// (a multiplicative step coprime with the row count), so that lookups do not walk the B-tree
// in order.
class SqliteQueryWorkload final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    ~SqliteQueryWorkload() override { tearDown(); }

    void setUp(std::stop_token) override
    {
        try {
            prepare(countParameter(info(), QStringLiteral("rows"), 10'000'000));
        } catch (...) {
            tearDown(); // the engine tears down only what set up successfully
            throw;
        }
    }

    void run(std::uint64_t iterations, std::stop_token) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            m_query->bindValue(0, m_keys[m_next]);
            m_next = (m_next + 1) % m_keys.size();
            if (!m_query->exec() || !m_query->next())
                fail(QStringLiteral("lookup failed: ") + m_query->lastError().text());
            const qlonglong id = m_query->value(0).toLongLong();
            const qlonglong value = m_query->value(1).toLongLong();
            const QString payload = m_query->value(2).toString();
            doNotOptimize(id);
            doNotOptimize(value);
            doNotOptimize(payload);
            m_query->finish();
        }
    }

    void tearDown() override
    {
        // Every query and database handle must be gone before the connection is removed, or
        // Qt warns that it is still in use and keeps the file open.
        m_query.reset();
        if (!m_connection.isEmpty()) {
            QSqlDatabase::database(m_connection, false).close();
            QSqlDatabase::removeDatabase(m_connection);
            m_connection.clear();
        }
        m_dir.reset();
    }

private:
    void prepare(std::int64_t rows)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            fail(QStringLiteral("cannot create a temporary directory"));
        // Qt Sql keeps connections in a process-wide table by name: each instance has its own,
        // so that two instances (a parameter scan) never share one.
        static std::atomic<int> instances{0};
        m_connection = QStringLiteral("crucible-system-sqlite-%1").arg(++instances);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
            db.setDatabaseName(m_dir->filePath(QStringLiteral("query.sqlite")));
            if (!db.open())
                fail(QStringLiteral("cannot open the SQLite file: ") + db.lastError().text());
            fill(db, rows);
        }
        m_query.emplace(QSqlDatabase::database(m_connection, false));
        if (!m_query->prepare(QStringLiteral("SELECT id, value, payload FROM items WHERE key = ?")))
            fail(m_query->lastError().text());
        m_keys.reserve(std::size_t(rows));
        const std::int64_t step = rows % 7919 == 0 ? 1 : 7919; // 7919 is prime
        for (std::int64_t i = 0; i < rows; ++i)
            m_keys.push_back(keyFor((i * step) % rows));
    }

    [[noreturn]] void fail(const QString& message) const
    {
        throw std::runtime_error((info().id + QStringLiteral(": ") + message).toStdString());
    }

    void fill(QSqlDatabase& db, std::int64_t rows)
    {
        QSqlQuery q(db);
        const char* schema[] = {
            "CREATE TABLE items (id INTEGER PRIMARY KEY, key TEXT NOT NULL, value INTEGER, payload TEXT)",
            "CREATE UNIQUE INDEX items_by_key ON items(key)",
        };
        for (const char* statement : schema)
            if (!q.exec(QLatin1String(statement)))
                fail(q.lastError().text());
        db.transaction();
        if (!q.prepare(QStringLiteral("INSERT INTO items (key, value, payload) VALUES (?, ?, ?)")))
            fail(q.lastError().text());
        for (std::int64_t row = 0; row < rows; ++row) {
            q.bindValue(0, keyFor(row));
            q.bindValue(1, qlonglong(row * 2654435761 % 1000003));
            q.bindValue(2, QStringLiteral("payload of row %1 with some text to make it realistic").arg(row));
            if (!q.exec())
                fail(q.lastError().text());
        }
        if (!db.commit())
            fail(db.lastError().text());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_connection;
    std::optional<QSqlQuery> m_query;
    std::vector<QString> m_keys;
    std::size_t m_next = 0;
};

} // namespace

void registerSqliteQueryWorkload(WorkloadRegistry& registry)
{
    WorkloadInfo info;
    info.id = QStringLiteral("system.sqlite.query");
    info.category = Category::System;
    info.description =
        QStringLiteral("Look up one row by an indexed text key in a SQLite file of 'rows' rows through Qt Sql "
                       "(prepared SELECT, read three columns), the driver the history store uses");
    info.operation = QStringLiteral("query");
    info.parameters = {{QStringLiteral("rows"), 10000}};
    registry.add(WorkloadFactory{info, [info](const QVariantMap& parameters) {
                                     return std::make_unique<SqliteQueryWorkload>(withParameters(info, parameters));
                                 }});
}

} // namespace crucible::workloads::sys
