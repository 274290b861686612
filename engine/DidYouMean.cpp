#include "DidYouMean.h"

#include <algorithm>
#include <vector>

namespace crucible {

namespace {

// Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one
// substring): enough for typing slips, and O(|a|·|b|) with three rows.
qsizetype editDistance(const QString& a, const QString& b)
{
    const qsizetype n = a.size(), m = b.size();
    std::vector<qsizetype> before(m + 1), previous(m + 1), current(m + 1);
    for (qsizetype j = 0; j <= m; ++j)
        previous[j] = j;
    for (qsizetype i = 1; i <= n; ++i) {
        current[0] = i;
        for (qsizetype j = 1; j <= m; ++j) {
            const qsizetype cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[m];
}

} // namespace

QString closestName(const QString& word, const QStringList& candidates)
{
    // One or two letters are too few to tell a slip from another word ("-x" is not "-h").
    if (word.size() < 3)
        return {};
    const QString w = word.toLower();
    const qsizetype accepted = std::clamp<qsizetype>(w.size() / 3, 1, 3);
    QString best;
    qsizetype bestDistance = accepted + 1;
    for (const QString& candidate : candidates) {
        if (candidate == word || candidate.size() < 3)
            continue;
        const qsizetype d = editDistance(w, candidate.toLower());
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}

QString didYouMean(const QString& word, const QStringList& candidates)
{
    const QString name = closestName(word, candidates);
    return name.isEmpty() ? QString() : QStringLiteral("; did you mean \"%1\"?").arg(name);
}

} // namespace crucible
