#pragma once

#include "Expected.h"

#include <QString>

namespace crucible::history {

// Where the history lives: a SQLite file (the default, per user) or a PostgreSQL database shared
// by a team (`postgresql://user[:password]@host[:port]/database`). Without a password in the URL,
// libpq's own sources apply (PGPASSWORD, ~/.pgpass).
struct HistoryLocation {
    enum class Kind { SQLite, PostgreSQL };
    Kind kind = Kind::SQLite;
    QString path; // SQLite
    QString host; // PostgreSQL
    int port = 5432;
    QString user;
    QString password;
    QString database;

    // For messages: the path, or the URL without its password.
    QString display() const;
    // For a status bar: the file's name, or host/database.
    QString shortName() const;
};

// The SQLite file in the per-user data directory: $XDG_DATA_HOME/crucible-bench/history.sqlite.
QString defaultHistoryPath();

// `text` as given to --db; empty means the default file. An unusable URL is an input error
// that says why.
Expected<HistoryLocation> parseHistoryLocation(const QString& text);

} // namespace crucible::history
