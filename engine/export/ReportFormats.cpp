#include "ReportFormats.h"

#include <algorithm>

namespace crucible {

bool isEngineFormat(const QString& format)
{
    return std::any_of(kEngineFormats.begin(), kEngineFormats.end(),
                       [&](const EngineFormat& f) { return format == QLatin1String(f.name); });
}

QStringList reportFormatNames(const QStringList& external)
{
    QStringList names;
    for (const EngineFormat& f : kEngineFormats) {
        names << QLatin1String(f.name);
        if (names.constLast() == QLatin1String("md"))
            names << external;
    }
    return names;
}

} // namespace crucible
