#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QString>

// Reading JSON whose syntax errors a person must be able to find: suite files, result files,
// imported Google Benchmark and hyperfine files.
namespace crucible {

// QJsonParseError gives a byte offset; people and editors want "line L, column C" (the column
// counted in characters, so a line with "é" before the error is not off by one).
QString jsonLineAndColumn(const QByteArray& json, int offset);

// Parses `json`. A syntax error is an input error,
// "line L, column C: malformed JSON: <Qt's reason>" (the caller prefixes the file name).
Expected<QJsonDocument> parseJsonDocument(const QByteArray& json);

} // namespace crucible
