#include "ForeignJson.h"

#include "JsonSyntax.h"

#include <cmath>

namespace crucible::interop {

using suite::Invalid;
using suite::Node;

double nonNegative(const Node& node)
{
    const double n = node.number();
    if (!std::isfinite(n) || n < 0)
        node.fail(QStringLiteral("expected a number of at least 0, got %1").arg(suite::describeValue(node.value())));
    return n;
}

double finiteNanoseconds(const Node& node, double nanoseconds)
{
    if (!std::isfinite(nanoseconds))
        node.fail(
            QStringLiteral("%1 is too large a time to count in nanoseconds").arg(suite::describeValue(node.value())));
    return nanoseconds;
}

std::uint64_t wholeNumber(const Node& node, std::uint64_t min)
{
    constexpr double kLargestExact = 9007199254740992.0; // 2^53
    const double n = node.number();
    if (!(n >= double(min) && n <= kLargestExact) || n != std::floor(n))
        node.fail(QStringLiteral("expected a whole number of at least %1, got %2")
                      .arg(min)
                      .arg(suite::describeValue(node.value())));
    return std::uint64_t(n);
}

QString text(const Node& node)
{
    if (!node.value().isString())
        node.fail(QStringLiteral("expected a string, got %1").arg(suite::describeValue(node.value())));
    return node.value().toString();
}

Expected<RunResult> readForeignJson(const QByteArray& bytes, const QString& fileName,
                                    const std::function<RunResult(const Node& root)>& read)
{
    const Expected<QJsonDocument> document = parseJsonDocument(bytes);
    if (!document)
        return document.error().prefixed(fileName + QStringLiteral(": "));
    const QJsonValue root = document->isObject() ? QJsonValue(document->object()) : QJsonValue(document->array());
    try {
        const Node node(root, QString());
        node.object();
        return read(node);
    } catch (const Invalid& invalid) {
        return Error::input(invalid.keyPath.isEmpty()
                                ? QStringLiteral("%1: %2").arg(fileName, invalid.problem)
                                : QStringLiteral("%1: %2: %3").arg(fileName, invalid.keyPath, invalid.problem));
    }
}

} // namespace crucible::interop
