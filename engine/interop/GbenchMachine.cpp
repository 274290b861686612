#include "GbenchWriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>
#include <cstdlib>

// Machine facts for gbench.json's context, read the way Google Benchmark's sysinfo.cc reads
// them on Linux; a fact that cannot be read is left at its empty value.
namespace crucible {

namespace {

QString readLine(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readLine()).trimmed();
}

// "32K" → 32768, "8M" → 8388608.
qint64 cacheSize(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)([KMG]?)$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return 0;
    qint64 size = m.captured(1).toLongLong();
    const QString suffix = m.captured(2);
    if (suffix == QLatin1String("K"))
        size *= 1024;
    else if (suffix == QLatin1String("M"))
        size *= 1024LL * 1024;
    else if (suffix == QLatin1String("G"))
        size *= 1024LL * 1024 * 1024;
    return size;
}

// "0-1,4" → 3: the CPUs sharing a cache.
int cpuCount(const QString& list)
{
    int count = 0;
    for (const QString& part : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList range = part.split(QLatin1Char('-'));
        count += range.size() == 2 ? range[1].toInt() - range[0].toInt() + 1 : 1;
    }
    return count;
}

QJsonArray caches()
{
    QJsonArray result;
    const QDir dir(QStringLiteral("/sys/devices/system/cpu/cpu0/cache"));
    for (const QString& index : dir.entryList({QStringLiteral("index*")}, QDir::Dirs, QDir::Name)) {
        const QString base = dir.filePath(index) + QLatin1Char('/');
        const QString type = readLine(base + QStringLiteral("type"));
        if (type.isEmpty())
            continue;
        result.append(
            QJsonObject{{QStringLiteral("type"), type},
                        {QStringLiteral("level"), readLine(base + QStringLiteral("level")).toInt()},
                        {QStringLiteral("size"), double(cacheSize(readLine(base + QStringLiteral("size"))))},
                        {QStringLiteral("num_sharing"), cpuCount(readLine(base + QStringLiteral("shared_cpu_list")))}});
    }
    return result;
}

double mhzPerCpu()
{
    // The nominal frequency first (as Google Benchmark prefers), then /proc/cpuinfo's.
    const QString maxKhz = readLine(QStringLiteral("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq"));
    if (!maxKhz.isEmpty())
        return std::round(maxKhz.toDouble() / 1000.0);
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (!cpuinfo.open(QIODevice::ReadOnly))
        return 0;
    // readAll, not atEnd()/readLine(): /proc files report a size of 0.
    for (const QByteArray& line : cpuinfo.readAll().split('\n'))
        if (line.startsWith("cpu MHz"))
            return std::round(QString::fromLatin1(line).section(QLatin1Char(':'), 1).trimmed().toDouble());
    return 0;
}

} // namespace

GbenchMachine describeThisMachine()
{
    GbenchMachine machine;
    machine.mhzPerCpu = mhzPerCpu();
    // Google Benchmark: scaling is on when a governor other than "performance" is in charge.
    const QString governor = readLine(QStringLiteral("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"));
    machine.cpuScalingEnabled = !governor.isEmpty() && governor != QLatin1String("performance");
    machine.caches = caches();
    double load[3] = {0, 0, 0};
    if (::getloadavg(load, 3) == 3)
        machine.loadAvg = QJsonArray{load[0], load[1], load[2]};
    return machine;
}

} // namespace crucible
