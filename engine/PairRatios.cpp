#include "PairRatios.h"

namespace crucible {

namespace {
// "architecture.tool_exec.layered" + "architecture.tool_exec.direct" → "architecture.tool_exec"
QString commonStem(const QString& a, const QString& b)
{
    qsizetype n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n])
        ++n;
    const qsizetype dot = a.left(n).lastIndexOf(QLatin1Char('.'));
    return dot > 0 ? a.left(dot) : a.left(n);
}
} // namespace

PairRatio pairRatio(const Result& oldSide, const Result& newSide)
{
    const std::vector<double> a = perIterationTimes(oldSide.samples);
    const std::vector<double> b = perIterationTimes(newSide.samples);
    PairRatio p;
    p.name = commonStem(oldSide.info.id, newSide.info.id);
    p.oldId = oldSide.info.id;
    p.newId = newSide.info.id;
    p.oldMedian = stats::median(a);
    p.newMedian = stats::median(b);
    p.ratio = p.oldMedian > 0 ? p.newMedian / p.oldMedian : 0;
    p.ci95 = stats::bootstrapMedianRatioCI(a, b);
    return p;
}

std::vector<PairRatio> pairRatios(const RunResult& run)
{
    std::vector<PairRatio> pairs;
    for (std::size_t i = 0; i < run.results.size(); ++i) {
        const Result& oldSide = run.results[i];
        if (oldSide.info.pairedWith.isEmpty() || oldSide.status != Status::Ok)
            continue;
        for (std::size_t j = i + 1; j < run.results.size(); ++j) {
            const Result& newSide = run.results[j];
            if (newSide.info.id != oldSide.info.pairedWith || newSide.status != Status::Ok || oldSide.samples.empty()
                || newSide.samples.empty())
                continue;
            pairs.push_back(pairRatio(oldSide, newSide));
            break;
        }
    }
    return pairs;
}

} // namespace crucible
