#include "SystemFiles.h"

#include <QDir>
#include <QFile>

namespace crucible::sysfiles {

Root::Root(QString root) : m_root(root.isEmpty() ? QStringLiteral("/") : std::move(root))
{ }

QString Root::path(const QString& relative) const
{
    return QDir(m_root).filePath(relative);
}

std::optional<QString> Root::text(const QString& relative) const
{
    QFile file(path(relative));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return QString::fromUtf8(file.readAll());
}

std::optional<QString> Root::line(const QString& relative) const
{
    const std::optional<QString> all = text(relative);
    if (!all)
        return std::nullopt;
    return all->section(QLatin1Char('\n'), 0, 0).trimmed();
}

std::optional<qint64> Root::integer(const QString& relative) const
{
    const std::optional<QString> first = line(relative);
    if (!first)
        return std::nullopt;
    bool ok = false;
    const qint64 value = first->toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

std::optional<int> cpuListCount(const QString& list)
{
    int count = 0;
    for (const QString& part : list.trimmed().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList range = part.split(QLatin1Char('-'));
        bool okLow = false, okHigh = true;
        const int low = range[0].toInt(&okLow);
        const int high = range.size() == 2 ? range[1].toInt(&okHigh) : low;
        if (!okLow || !okHigh || range.size() > 2 || high < low)
            return std::nullopt;
        count += high - low + 1;
    }
    return count;
}

} // namespace crucible::sysfiles
