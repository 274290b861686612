#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// A strict RFC 4180 reader for the tests: records end in CRLF, fields containing commas,
// quotes or line breaks are quoted, quotes inside are doubled. Anything else is an error
// (nullopt), so a writer that bends the rules fails the tests.
inline std::optional<std::vector<QStringList>> readCsvStrict(const QString& text)
{
    std::vector<QStringList> records;
    QStringList record;
    QString field;
    qsizetype i = 0;
    const qsizetype n = text.size();
    bool fieldStarted = false;
    while (i < n) {
        const QChar c = text[i];
        if (c == QLatin1Char('"') && !fieldStarted) {
            ++i;
            while (true) {
                if (i >= n)
                    return std::nullopt; // unterminated quote
                if (text[i] == QLatin1Char('"')) {
                    if (i + 1 < n && text[i + 1] == QLatin1Char('"')) {
                        field += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
            fieldStarted = true;
            if (i < n && text[i] != QLatin1Char(',') && text[i] != QLatin1Char('\r'))
                return std::nullopt; // text after a closing quote
            continue;
        }
        if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
            fieldStarted = false;
            ++i;
        } else if (c == QLatin1Char('\r')) {
            if (i + 1 >= n || text[i + 1] != QLatin1Char('\n'))
                return std::nullopt; // bare CR
            record << field;
            records.push_back(record);
            record.clear();
            field.clear();
            fieldStarted = false;
            i += 2;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('"')) {
            return std::nullopt; // bare LF or a quote inside an unquoted field
        } else {
            field += c;
            fieldStarted = true;
            ++i;
        }
    }
    if (fieldStarted || !record.isEmpty())
        return std::nullopt; // last record without CRLF
    return records;
}
