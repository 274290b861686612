#include "JsonSyntax.h"

#include <algorithm>

namespace crucible {

// Qt's offset lies just past the character the parser choked on; the column names that
// character.
QString jsonLineAndColumn(const QByteArray& json, int offset)
{
    offset = std::clamp(offset - 1, 0, int(json.size()));
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; ++i) {
        if (json[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    const qsizetype column = QString::fromUtf8(json.constData() + lineStart, offset - lineStart).size() + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

Expected<QJsonDocument> parseJsonDocument(const QByteArray& json)
{
    QJsonParseError syntax{};
    QJsonDocument document = QJsonDocument::fromJson(json, &syntax);
    if (syntax.error != QJsonParseError::NoError)
        return Error::input(
            QStringLiteral("%1: malformed JSON: %2").arg(jsonLineAndColumn(json, syntax.offset), syntax.errorString()));
    return document;
}

} // namespace crucible
