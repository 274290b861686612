#pragma once

#include <QString>

namespace crucible::history {

// Why the SQLite history store at `path` (as the user gave it) could not be opened, in words
// that name the path: "adir is a directory; give a file path …", "notdb.txt is not a SQLite
// database …". SQLite's own texts ("unable to open database file", "file is not a database")
// say neither which file nor what to do. The file system is asked first (a directory, a file
// that is not SQLite, no permission), then `driverText` (Qt's error text) is read for what only
// SQLite knows (locked, damaged). Empty when neither tells: the caller keeps the driver's text.
QString explainSqliteFailure(const QString& path, const QString& driverText);

// Why the directory `dir` (to hold a store) could not be created: the nearest existing
// ancestor is a file, or is not writable. Always a sentence naming both directories.
QString explainUncreatableDirectory(const QString& dir);

} // namespace crucible::history
