#pragma once

#include "Expected.h"
#include "HistoryLocation.h"
#include "Result.h"
#include "interop/RunSource.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace crucible {

// Every recorded run, in SQLite (default) or PostgreSQL, through the same Qt Sql code. A run is
// one row of metadata, one row per workload result with its statistics, and that result's raw
// samples as one compact blob. Each run is recorded in one transaction: a crash or kill -9 leaves
// either the whole run or none of it.
//
// A store is a database connection: use it from the thread that opened it (open another store
// on another thread). Errors come back with messages that name the store: a store that cannot
// be opened, a run or baseline that is not there and damaged content are input errors, a query
// that fails on an open store an internal one.
class HistoryStore {
public:
    // `location` as given to --db: empty for the per-user SQLite file, a file path, or a
    // postgresql:// URL. Creates the file and the schema when new, migrates an older schema,
    // and refuses a store that is corrupt, not a database, read-only, or from a newer version.
    // Another process writing a SQLite store holds its lock for milliseconds; `busyTimeoutMs`
    // is how long to wait for it before giving up with "database is locked".
    static Expected<std::unique_ptr<HistoryStore>> open(const QString& location, int busyTimeoutMs = 10'000);
    ~HistoryStore();
    HistoryStore(const HistoryStore&) = delete;
    HistoryStore& operator=(const HistoryStore&) = delete;

    QString location() const; // for messages (a URL without its password)
    bool isPostgreSQL() const;
    // Whether the store can be used now: a PostgreSQL connection that was lost (the server
    // stopped or restarted) is made again; when it cannot be, the error says why, in libpq's
    // words ("connection refused", "the database system is shutting down").
    Expected<void> reachable() const;

    // A past run as the run list shows it.
    struct RunRecord {
        qint64 id = 0;
        RunInfo info;
        QString source; // RunSource.h
        bool cancelled = false;
        int workloadCount = 0;
        QStringList baselines; // names that point at this run
    };

    // Which runs a query looks at. Empty strings match anything.
    struct Filter {
        QString suite;
        QString host;
        bool okOnly = false;  // only results whose status is ok
        qint64 beforeRun = 0; // only runs with a smaller id (0: all)
    };

    // One workload's result in one past run.
    struct StoredResult {
        qint64 runId = 0;
        QDateTime started;
        QString source; // of its run
        Result result;  // samples filled only when asked for
    };

    // One point of a workload's trend.
    struct TrendPoint {
        qint64 runId = 0;
        QDateTime started;
        double median = 0;
        stats::Interval ci95;
        int sampleCount = 0;
        QString unit;
        QStringList baselines; // names that point at this run
    };

    // Records `run` with the given source tag; returns its id. `contentHash`: for an imported
    // file, the hash of its bytes (BenchmarkFile::contentHash), empty for a run of our own.
    Expected<qint64> recordRun(const RunResult& run, const QString& source = kHeadlessRunSource,
                               const QString& contentHash = QString());
    // The earliest run recorded with `contentHash` (an import of the same file), or nullopt
    // when there is none.
    Expected<std::optional<RunRecord>> runWithContent(const QString& contentHash) const;

    // Newest first; `limit` 0 for all.
    Expected<std::vector<RunRecord>> runs(const Filter& filter, int limit = 0) const;
    Expected<RunResult> loadRun(qint64 runId) const;
    // Where and how run `runId` happened, without its results.
    Expected<RunInfo> runInfo(qint64 runId) const;

    // The workload's results, newest first; `limit` 0 for all.
    Expected<std::vector<StoredResult>> results(const QString& workloadId, const Filter& filter, int limit,
                                                bool withSamples) const;

    // The ids of the workloads with a result in the runs `filter` selects, sorted.
    Expected<QStringList> workloadIds(const Filter& filter) const;

    // Per-run medians of one workload, oldest first.
    Expected<std::vector<TrendPoint>> trend(const QString& workloadId, const Filter& filter) const;

    // Named baselines: a name points at one run; saving a name again moves it.
    Expected<void> saveBaseline(const QString& name, qint64 runId);
    // An unknown name is an input error that lists the names there are.
    Expected<qint64> baselineRun(const QString& name) const;
    Expected<QStringList> baselineNames() const;

private:
    struct Connection;
    explicit HistoryStore(std::unique_ptr<Connection> connection);
    std::unique_ptr<Connection> m_db;
};

} // namespace crucible
