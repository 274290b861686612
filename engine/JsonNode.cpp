#include "JsonNode.h"

#include "DidYouMean.h"

#include <cmath>

namespace crucible::suite {

QString describeValue(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::String: {
        QString text = value.toString();
        if (text.size() > 40)
            text = text.left(37) + QStringLiteral("...");
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

void Node::fail(const QString& problem) const
{
    throw Invalid{m_path, problem};
}

namespace {
QString expected(const char* what, const QJsonValue& got)
{
    return QStringLiteral("expected %1, got %2").arg(QLatin1String(what), describeValue(got));
}
} // namespace

QJsonObject Node::object() const
{
    if (!m_value.isObject())
        fail(expected("an object", m_value));
    return m_value.toObject();
}

QJsonArray Node::array() const
{
    if (!m_value.isArray())
        fail(expected("an array", m_value));
    return m_value.toArray();
}

QString Node::string() const
{
    if (!m_value.isString())
        fail(expected("a string", m_value));
    if (m_value.toString().isEmpty())
        fail(QStringLiteral("must not be empty"));
    return m_value.toString();
}

double Node::number() const
{
    if (!m_value.isDouble())
        fail(expected("a number", m_value));
    return m_value.toDouble();
}

double Node::number(double min, double max) const
{
    const double n = number();
    if (!(n >= min && n <= max))
        fail(QStringLiteral("expected a number from %1 to %2, got %3")
                 .arg(QString::number(min, 'g', 15), QString::number(max, 'g', 15), describeValue(m_value)));
    return n;
}

int Node::integer(int min, int max) const
{
    const double n = number();
    if (n != std::floor(n) || n < min || n > max)
        fail(QStringLiteral("expected a whole number from %1 to %2, got %3")
                 .arg(min)
                 .arg(max)
                 .arg(describeValue(m_value)));
    return int(n);
}

QStringList Node::argv() const
{
    const QJsonArray items = array();
    if (items.isEmpty())
        fail(QStringLiteral("expected a command as an array of strings (program first), got an empty array"));
    QStringList argv;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Node item = (*this)[i];
        if (!item.value().isString())
            item.fail(expected("a string", item.value()));
        argv << item.value().toString();
    }
    if (argv.constFirst().isEmpty())
        (*this)[0].fail(QStringLiteral("the program name must not be empty"));
    return argv;
}

Node Node::operator[](const QString& key) const
{
    const QString path = m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
    return Node(m_value.toObject().value(key), path);
}

Node Node::required(const QString& key) const
{
    Node member = (*this)[key];
    if (!has(key))
        member.fail(QStringLiteral("missing (required)"));
    return member;
}

Node Node::operator[](qsizetype index) const
{
    return Node(m_value.toArray().at(index), QStringLiteral("%1[%2]").arg(m_path).arg(index));
}

QStringList keyNames(std::initializer_list<const char*> keys)
{
    QStringList names;
    for (const char* key : keys)
        names << QString::fromLatin1(key);
    return names;
}

void Node::allowOnly(std::initializer_list<const char*> allowed, const QString& where,
                     const QStringList& elsewhere) const
{
    const QStringList names = keyNames(allowed);
    const QJsonObject o = object();
    // A key that no kind of object allows is a slip of the keyboard, and the one to name: with
    // "comand" beside "prepare", the entry reads as a built-in one only because of the slip.
    QString unknown, unknownElsewhere;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (names.contains(it.key()))
            continue;
        QString& slot = elsewhere.contains(it.key()) ? unknownElsewhere : unknown;
        if (slot.isEmpty())
            slot = it.key();
    }
    const QString key = unknown.isEmpty() ? unknownElsewhere : unknown;
    if (key.isEmpty())
        return;
    (*this)[key].fail(QStringLiteral("unknown key%1%2 (allowed: %3)")
                          .arg(where.isEmpty() ? QString() : QLatin1Char(' ') + where,
                               didYouMean(key, names + elsewhere), names.join(QStringLiteral(", "))));
}

} // namespace crucible::suite
