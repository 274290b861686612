#include "SqliteTrouble.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>

namespace crucible::history {

namespace {

// Every SQLite database file starts with these 16 bytes (sqlite.org/fileformat.html); an empty
// file is a new, empty database.
bool looksLikeSqlite(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true; // unreadable: said elsewhere, not guessed here
    if (file.size() == 0)
        return true;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

} // namespace

QString explainSqliteFailure(const QString& path, const QString& driverText)
{
    const QFileInfo file(path);
    const QString dir = QDir::toNativeSeparators(file.absolutePath());
    if (file.isDir())
        return QStringLiteral("%1 is a directory; give a file path, such as %2")
            .arg(path, QDir(path).filePath(QStringLiteral("history.sqlite")));
    // The driver's own words first where they are specific: a locked store in a read-only
    // directory is locked, not "in a directory that is not writable".
    if (driverText.contains(QLatin1String("locked")))
        return QStringLiteral("%1 is locked: another process kept writing to it for longer than crucible-bench "
                              "waits (database is locked)")
            .arg(path);
    if (file.exists()) {
        if (!file.isReadable())
            return QStringLiteral("%1 cannot be read: permission denied").arg(path);
        if (!looksLikeSqlite(path))
            return QStringLiteral("%1 is not a SQLite database (give a crucible-bench history file, or the path of a "
                                  "new one); it was left as it was")
                .arg(path);
        if (!file.isWritable() || driverText.contains(QLatin1String("readonly")))
            return QStringLiteral("%1 is read-only; crucible-bench writes every run into its history store "
                                  "(make it writable, or give another --db)")
                .arg(path);
        // SQLite keeps its write-ahead log and shared-memory index beside the store.
        if (!QFileInfo(file.absolutePath()).isWritable())
            return QStringLiteral("the directory %1 is not writable, and SQLite keeps its write-ahead log beside %2")
                .arg(dir, path);
    } else if (QFileInfo(file.absolutePath()).isDir() && !QFileInfo(file.absolutePath()).isWritable()) {
        return QStringLiteral("cannot create %1: the directory %2 is not writable").arg(path, dir);
    }
    // SQLite says "disk I/O error" when it cannot even create its write-ahead log on a full
    // disk. A store needs a few pages per run; under 1 MiB free is full for it.
    if (const QStorageInfo volume(file.absolutePath());
        volume.isValid() && volume.bytesAvailable() < qint64(1024) * 1024)
        return QStringLiteral("cannot write %1: the file system at %2 is full (%3 KiB free); the store was left as "
                              "it was (%4)")
            .arg(path, volume.rootPath())
            .arg(volume.bytesAvailable() / 1024)
            .arg(driverText);
    if (driverText.contains(QLatin1String("malformed")) || driverText.contains(QLatin1String("not a database")))
        return QStringLiteral("%1 is damaged: SQLite cannot read it (%2); it was left as it was").arg(path, driverText);
    return {};
}

QString explainUncreatableDirectory(const QString& dir)
{
    // The nearest ancestor that exists says why: a file in the way, or no permission.
    QFileInfo ancestor(dir);
    while (!ancestor.exists() && !ancestor.isRoot() && ancestor.absoluteFilePath() != ancestor.absolutePath())
        ancestor = QFileInfo(ancestor.absolutePath());
    const QString where = QDir::toNativeSeparators(ancestor.absoluteFilePath());
    QString why;
    if (ancestor.exists() && !ancestor.isDir())
        why = QStringLiteral("%1 is a file, not a directory").arg(where);
    else if (ancestor.exists() && !ancestor.isWritable())
        why = QStringLiteral("the directory %1 is not writable").arg(where);
    else
        why = QStringLiteral("the file system refused");
    return QStringLiteral("cannot create the directory %1: %2").arg(QDir::toNativeSeparators(dir), why);
}

} // namespace crucible::history
