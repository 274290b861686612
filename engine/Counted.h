#pragma once

#include <QString>

namespace crucible {

// "1 workload", "3 workloads": a count with its noun in the right number, so that no output
// reads "1 workloads" or hedges with "workload(s)". `plural` defaults to the noun with an "s".
inline QString counted(long long n, const QString& singular, const QString& plural = QString())
{
    const QString noun = n == 1 ? singular : plural.isEmpty() ? singular + QLatin1Char('s') : plural;
    return QStringLiteral("%1 %2").arg(n).arg(noun);
}

} // namespace crucible
