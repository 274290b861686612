#pragma once

#include "Expected.h"

#include <QSqlDatabase>
#include <QString>

namespace crucible::history {

enum class Dialect { SQLite, PostgreSQL };

// The schema version this build reads and writes.
//   1  runs, run_details, results, baselines
//   2  runs.content_hash: the SHA-256 of an imported file, so that importing it again is noticed
inline constexpr int kSchemaVersion = 2;

// Brings the store's schema up to kSchemaVersion in one transaction, creating it in an empty
// store. Refuses (an input error says why) a store written by a newer version: reading it with
// an older schema in mind could lose what the newer one keeps. The error is the driver's own
// words, or the version's: HistoryStore::open says which store.
Expected<void> migrateSchema(QSqlDatabase& db, Dialect dialect);

} // namespace crucible::history
