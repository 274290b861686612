#include "TextWrap.h"

namespace crucible::report {

namespace {

bool isSeparator(QChar c)
{
    return c == u'.' || c == u'/' || c == u'_' || c == u'=' || c == u',' || c == u'-';
}

// Breaks one over-long word into pieces that fit, preferring to break after a separator.
QStringList splitWord(const QString& word, const QFontMetricsF& metrics, double width)
{
    QStringList pieces;
    QString rest = word;
    while (metrics.horizontalAdvance(rest) > width && rest.size() > 1) {
        qsizetype fit = 1; // the longest prefix that fits, at least one character
        while (fit < rest.size() && metrics.horizontalAdvance(rest.left(fit + 1)) <= width)
            ++fit;
        qsizetype cut = fit;
        for (qsizetype i = fit; i > fit / 2; --i) {
            if (isSeparator(rest[i - 1])) {
                cut = i;
                break;
            }
        }
        pieces << rest.left(cut);
        rest = rest.mid(cut);
    }
    pieces << rest;
    return pieces;
}

void wrapParagraph(const QString& paragraph, const QFontMetricsF& metrics, double width, QStringList* lines)
{
    QString line;
    for (const QString& word : paragraph.split(QLatin1Char(' '))) {
        const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (metrics.horizontalAdvance(candidate) <= width) {
            line = candidate;
            continue;
        }
        if (!line.isEmpty())
            *lines << line;
        const QStringList pieces = splitWord(word, metrics, width);
        for (qsizetype i = 0; i + 1 < pieces.size(); ++i)
            *lines << pieces[i];
        line = pieces.constLast();
    }
    *lines << line;
}

} // namespace

QStringList wrapText(const QString& text, const QFontMetricsF& metrics, double width)
{
    QStringList lines;
    for (const QString& paragraph : text.split(QLatin1Char('\n')))
        wrapParagraph(paragraph, metrics, width, &lines);
    return lines;
}

} // namespace crucible::report
