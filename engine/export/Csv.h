#pragma once

#include <QString>
#include <QStringList>

namespace crucible::csv {

// One RFC 4180 field holding user text. Quoted when it holds a comma, quote, CR or LF; a text
// that begins with =, +, -, @, tab or CR gets a leading apostrophe so that spreadsheets show it
// instead of evaluating it as a formula (OWASP "CSV injection").
QString textField(const QString& text);

// One numeric field: written plainly so that spreadsheets read it as a number. NaN and
// infinities become an empty field.
QString numberField(double value);
QString integerField(long long value);

// Joins fields into one record terminated by CRLF, as RFC 4180 asks.
QString record(const QStringList& fields);

} // namespace crucible::csv
