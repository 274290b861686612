#include "HistoryLocation.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

namespace crucible::history {

QString HistoryLocation::display() const
{
    if (kind == Kind::SQLite)
        return path;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPath(QLatin1Char('/') + database);
    return url.toString();
}

QString HistoryLocation::shortName() const
{
    if (kind == Kind::SQLite)
        return QFileInfo(path).fileName();
    return QStringLiteral("%1/%2").arg(host, database);
}

QString defaultHistoryPath()
{
    // $XDG_DATA_HOME/crucible-bench (~/.local/share/crucible-bench): the same path whatever the
    // application and organisation names, so that the window, the headless run and scripts agree.
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty()) // no home directory at all: keep the history next to where we run
        dir = QDir::currentPath();
    return QDir(dir).filePath(QStringLiteral("crucible-bench/history.sqlite"));
}

Expected<HistoryLocation> parseHistoryLocation(const QString& text)
{
    HistoryLocation location;
    if (text.isEmpty()) {
        location.path = defaultHistoryPath();
        return location;
    }
    if (!text.startsWith(QLatin1String("postgresql://")) && !text.startsWith(QLatin1String("postgres://"))) {
        if (text.contains(QLatin1String("://")))
            return Error::input(
                QStringLiteral(
                    "--db %1: unknown kind of store (use a SQLite file path or postgresql://user@host:port/db)")
                    .arg(text));
        location.path = text;
        return location;
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString database = url.path().mid(1);
    if (!url.isValid() || url.host().isEmpty() || database.isEmpty() || database.contains(QLatin1Char('/')))
        return Error::input(
            QStringLiteral("--db: \"%1\" is not a PostgreSQL URL of the form postgresql://user@host:port/database")
                .arg(url.toString(QUrl::RemovePassword)));
    location.kind = HistoryLocation::Kind::PostgreSQL;
    location.host = url.host();
    location.port = url.port(5432);
    location.user = url.userName();
    location.password = url.password();
    location.database = database;
    return location;
}

} // namespace crucible::history
