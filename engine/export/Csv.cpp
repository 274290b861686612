#include "Csv.h"

#include <cmath>

namespace crucible::csv {

QString textField(const QString& text)
{
    QString value = text;
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (!value.isEmpty() && formulaStarts.contains(value.front()))
        value.prepend(QLatin1Char('\''));
    const bool needsQuotes = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
        || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return value;
    value.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + value + QLatin1Char('"');
}

QString numberField(double value)
{
    if (!std::isfinite(value))
        return {};
    return QString::number(value, 'g', 15);
}

QString integerField(long long value)
{
    return QString::number(value);
}

QString record(const QStringList& fields)
{
    return fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
}

} // namespace crucible::csv
