#include "CommandComparison.h"

#include "Comparison.h"
#include "PairRatios.h"
#include "export/TextReports.h"

#include <algorithm>

namespace crucible {

namespace {

// What the user typed (or named), which the id had to make safe.
QString labelOf(const Result& r)
{
    return r.info.description.isEmpty() ? r.info.id : r.info.description;
}

QString pValueText(double p)
{
    return p < 0.001 ? QStringLiteral("p < 0.001") : QStringLiteral("p = %1").arg(p, 0, 'f', 3);
}

} // namespace

QString describeCommandComparison(const RunResult& run)
{
    if (run.results.empty())
        return {};
    qsizetype width = 0;
    for (const Result& r : run.results)
        width = std::max(width, labelOf(r).size());
    width = std::min<qsizetype>(width, 40);

    QString out =
        QStringLiteral("\nCommands (interleaved, %1):\n")
            .arg(run.info.rounds > 1 ? QStringLiteral("%1 rounds").arg(run.info.rounds) : QStringLiteral("one round"));
    std::vector<const Result*> ok;
    for (const Result& r : run.results) {
        const QString label = labelOf(r).leftJustified(width);
        if (r.status != Status::Ok || r.samples.empty()) {
            out += QStringLiteral("  %1  %2: %3\n").arg(label, statusName(r.status).toUpper(), r.error);
            continue;
        }
        ok.push_back(&r);
        out += QStringLiteral("  %1  mean %2 ± %3  median %4  peak RSS %5  (%6 %7)\n")
                   .arg(label, formatDuration(r.summary.mean), formatDuration(r.summary.stddev),
                        formatDuration(r.summary.median), formatBytes(double(r.peakRssBytes)))
                   .arg(r.samples.size())
                   .arg(r.samples.size() == 1 ? QStringLiteral("run") : QStringLiteral("runs"));
    }
    if (ok.size() < 2)
        return out;
    const Result& fastest = **std::min_element(
        ok.begin(), ok.end(), [](const Result* a, const Result* b) { return a->summary.median < b->summary.median; });
    out += QStringLiteral("%1 ran\n").arg(labelOf(fastest));
    for (const Result* other : ok) {
        if (other == &fastest)
            continue;
        const PairRatio ratio = pairRatio(fastest, *other);
        const SampleComparison test =
            compareSamples(perIterationTimes(fastest.samples), perIterationTimes(other->samples));
        const bool significant = test.pValue < kSignificanceLevel;
        out += QStringLiteral("  %1 × faster than %2  (ratio of medians, 95% CI %3–%4; Mann-Whitney %5: %6)\n")
                   .arg(QString::number(ratio.ratio, 'f', 3), labelOf(*other), QString::number(ratio.ci95.low, 'f', 3),
                        QString::number(ratio.ci95.high, 'f', 3), pValueText(test.pValue),
                        significant ? QStringLiteral("significant") : QStringLiteral("not significant"));
    }
    return out;
}

} // namespace crucible
