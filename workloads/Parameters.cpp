#include "Parameters.h"

#include <QRegularExpression>

#include <stdexcept>

namespace crucible::workloads {

namespace {

[[noreturn]] void badParameter(const WorkloadInfo& info, const QString& key, const QString& what)
{
    throw std::invalid_argument(QStringLiteral("%1: parameter '%2' %3").arg(info.id, key, what).toStdString());
}

QString textOf(const WorkloadInfo& info, const QString& key)
{
    const QVariant value = info.parameters.value(key);
    if (!value.isValid())
        badParameter(info, key, QStringLiteral("is missing"));
    // A JSON number arrives as a double: 4096.0 prints as "4096".
    if (value.typeId() == QMetaType::Double)
        return QString::number(value.toDouble(), 'g', 17);
    return value.toString().trimmed();
}

} // namespace

WorkloadInfo withParameters(WorkloadInfo defaults, const QVariantMap& given)
{
    for (auto it = given.begin(); it != given.end(); ++it)
        defaults.parameters.insert(it.key(), it.value());
    return defaults;
}

std::int64_t byteSizeParameter(const WorkloadInfo& info, const QString& key)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)\\s*(B|K|KB|KiB|M|MB|MiB|G|GB|GiB)?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QString text = textOf(info, key);
    const QRegularExpressionMatch match = pattern.match(text);
    bool ok = false;
    const qlonglong number = match.hasMatch() ? match.captured(1).toLongLong(&ok) : 0;
    if (!ok || number <= 0)
        badParameter(info, key, QStringLiteral("is not a size such as 4KiB or 1MiB: '%1'").arg(text));
    const QChar prefix = match.captured(2).isEmpty() ? QChar(u'B') : match.captured(2).at(0).toUpper();
    const int shift = prefix == u'K' ? 10 : prefix == u'M' ? 20 : prefix == u'G' ? 30 : 0;
    if (number > (qlonglong(1) << (40 - shift)))
        badParameter(info, key, QStringLiteral("is larger than 1 TiB: '%1'").arg(text));
    return std::int64_t(number) << shift;
}

std::int64_t countParameter(const WorkloadInfo& info, const QString& key, std::int64_t maximum)
{
    const QString text = textOf(info, key);
    bool ok = false;
    const qlonglong number = text.toLongLong(&ok);
    if (!ok || number <= 0 || number > maximum)
        badParameter(info, key, QStringLiteral("is not a whole number from 1 to %1: '%2'").arg(maximum).arg(text));
    return std::int64_t(number);
}

} // namespace crucible::workloads
