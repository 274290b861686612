#include "ShellWords.h"

namespace crucible {

namespace {

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n');
}

// Inside double quotes a backslash escapes only these (POSIX "Double-Quotes").
bool escapableInDoubleQuotes(QChar c)
{
    return c == QLatin1Char('"') || c == QLatin1Char('\\') || c == QLatin1Char('$') || c == QLatin1Char('`')
        || c == QLatin1Char('\n');
}

} // namespace

Expected<QStringList> splitShellWords(const QString& commandLine)
{
    QStringList words;
    QString word;
    bool inWord = false; // '' makes an empty word, so a word can exist with no characters
    const qsizetype n = commandLine.size();
    auto unterminated = [&](const char* what) {
        return Error::input(QStringLiteral("command \"%1\": %2").arg(commandLine, QLatin1String(what)));
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = commandLine[i];
        if (isBlank(c)) {
            if (inWord)
                words << word;
            word.clear();
            inWord = false;
            continue;
        }
        inWord = true;
        if (c == QLatin1Char('\'')) {
            const qsizetype end = commandLine.indexOf(QLatin1Char('\''), i + 1);
            if (end < 0)
                return unterminated("a single quote (') is not closed");
            word += commandLine.mid(i + 1, end - i - 1);
            i = end;
        } else if (c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            for (; j < n && commandLine[j] != QLatin1Char('"'); ++j) {
                if (commandLine[j] == QLatin1Char('\\') && j + 1 < n && escapableInDoubleQuotes(commandLine[j + 1])) {
                    ++j;
                    if (commandLine[j] == QLatin1Char('\n'))
                        continue; // a line continuation: both characters vanish
                }
                word += commandLine[j];
            }
            if (j >= n)
                return unterminated("a double quote (\") is not closed");
            i = j;
        } else if (c == QLatin1Char('\\')) {
            if (i + 1 >= n)
                return unterminated("it ends in a backslash with nothing to escape");
            ++i;
            if (commandLine[i] != QLatin1Char('\n'))
                word += commandLine[i];
            else if (word.isEmpty())
                inWord = false;
        } else {
            word += c;
        }
    }
    if (inWord)
        words << word;
    if (words.isEmpty())
        return Error::input(QStringLiteral("command \"%1\": no program to run").arg(commandLine));
    return words;
}

} // namespace crucible
