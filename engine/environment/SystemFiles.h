#pragma once

#include <QString>

#include <optional>

// Reading the small text files of /proc and /sys below a root directory, so that tests can
// point the environment readers at a fake tree. A file that is absent or unreadable gives
// nullopt: the caller records the fact as unknown.
namespace crucible::sysfiles {

class Root {
public:
    explicit Root(QString root = QStringLiteral("/"));

    QString path(const QString& relative) const;
    // The whole file; readAll rather than atEnd()/readLine(), as /proc files report a size of 0.
    std::optional<QString> text(const QString& relative) const;
    // Its first line, trimmed.
    std::optional<QString> line(const QString& relative) const;
    std::optional<qint64> integer(const QString& relative) const;
    bool isLive() const { return m_root == QLatin1String("/"); }

private:
    QString m_root;
};

// "0-3,8,10-11" → 7; an empty list → 0; nullopt when it does not parse.
std::optional<int> cpuListCount(const QString& list);

} // namespace crucible::sysfiles
