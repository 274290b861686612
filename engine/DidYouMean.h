#pragma once

#include <QString>
#include <QStringList>

namespace crucible {

// The candidate a user most likely meant by `word` (a misspelt key or flag), or an empty string
// when none is close: the smallest optimal-string-alignment distance (an insertion, deletion,
// substitution or swap of two neighbours costs 1), case-insensitive, accepted up to a third of
// the word's length (at least 1, at most 3), so that "comand" finds "command" and "headles"
// finds "headless" while "xyz" finds nothing. Words and candidates under three letters are
// never matched (too short to tell a slip from another word). Ties go to the earlier candidate.
QString closestName(const QString& word, const QStringList& candidates);

// "; did you mean \"command\"?" for a message that already names the word, or empty.
QString didYouMean(const QString& word, const QStringList& candidates);

} // namespace crucible
