#include "NoiseModel.h"

#include <algorithm>
#include <cmath>

namespace crucible {

namespace {

constexpr int kBlocksWithoutRounds = 5;

// The median of the replicates, with a spread and standard error from their median absolute
// deviation: a slow phase of the machine that lands on two rounds of ten moves neither.
Level levelOf(const std::vector<double>& logMedians)
{
    Level level;
    level.replicates = int(logMedians.size());
    if (logMedians.empty())
        return level;
    level.value = stats::median(logMedians);
    // 1.4826 · MAD estimates a normal standard deviation; 1.2533 · sd / √n is the standard error
    // of a median of n.
    level.spread = logMedians.size() > 1 ? 1.4826 * stats::medianAbsoluteDeviation(logMedians) : 0;
    level.se = 1.2533 * level.spread / std::sqrt(double(logMedians.size()));
    return level;
}

// [first, first + count) of `times`, by sample index.
double medianOf(const std::vector<double>& times, int first, int count)
{
    const std::size_t begin = std::min<std::size_t>(std::size_t(std::max(first, 0)), times.size());
    const std::size_t end = std::min<std::size_t>(begin + std::size_t(std::max(count, 0)), times.size());
    return stats::median(std::span<const double>(times).subspan(begin, end - begin));
}

} // namespace

RunLevels levelsOf(const Result& result)
{
    RunLevels levels;
    const std::vector<double> times = perIterationTimes(result.samples);
    if (times.empty())
        return levels;
    std::vector<double> time;
    std::vector<double> relative;
    bool allReferenced = true;
    if (result.rounds.size() >= 2) {
        for (const RoundSlice& slice : result.rounds) {
            if (slice.sampleCount <= 0 || slice.firstSample >= int(times.size()))
                continue;
            const double median = medianOf(times, slice.firstSample, slice.sampleCount);
            if (median <= 0)
                continue;
            time.push_back(std::log(median));
            if (slice.referenceNs > 0)
                relative.push_back(std::log(median) - std::log(slice.referenceNs));
            else
                allReferenced = false;
        }
    } else {
        allReferenced = false;
        const int blocks = std::clamp(int(times.size()) / 2, 1, kBlocksWithoutRounds);
        for (int b = 0; b < blocks; ++b) {
            const int first = int(times.size()) * b / blocks;
            const int last = int(times.size()) * (b + 1) / blocks;
            const double median = medianOf(times, first, last - first);
            if (median > 0)
                time.push_back(std::log(median));
        }
    }
    if (!time.empty())
        levels.time = levelOf(time);
    if (allReferenced && !relative.empty() && relative.size() == time.size())
        levels.relative = levelOf(relative);
    return levels;
}

std::optional<std::size_t> realStep(std::span<const Level> history)
{
    if (history.size() < 5)
        return std::nullopt;
    std::vector<double> steps;
    for (std::size_t i = 1; i < history.size(); ++i)
        steps.push_back(std::abs(history[i - 1].value - history[i].value));
    const auto largest = std::max_element(steps.begin(), steps.end());
    double others = 0;
    for (auto it = steps.begin(); it != steps.end(); ++it)
        if (it != largest)
            others += *it * *it;
    const double othersRms = std::sqrt(others / double(steps.size() - 1));
    if (*largest <= kStepFactor * othersRms)
        return std::nullopt;
    return std::size_t(largest - steps.begin()) + 1;
}

RunToRunNoise runToRunNoise(std::span<const Level> history, double priorSd)
{
    RunToRunNoise noise;
    noise.historyRuns = int(history.size());
    // The runs on each side of a real change are two steady stretches: their spreads are noise,
    // the change between them is not.
    std::vector<std::span<const Level>> stretches{history};
    if (const std::optional<std::size_t> at = realStep(history))
        stretches = {history.first(*at), history.subspan(*at)};
    double squares = 0;
    double historyDof = 0;
    double withinVar = 0;
    double runsUsed = 0;
    for (const std::span<const Level> stretch : stretches) {
        if (stretch.size() < 2)
            continue;
        double mean = 0;
        for (const Level& l : stretch)
            mean += l.value / double(stretch.size());
        for (const Level& l : stretch) {
            squares += (l.value - mean) * (l.value - mean);
            withinVar += l.se * l.se;
        }
        historyDof += double(stretch.size() - 1);
        runsUsed += double(stretch.size());
    }
    double historyVar = 0;
    if (historyDof > 0) {
        // Each run's level is the true level plus a run effect (what we want) plus its own
        // error (what its rounds already tell): take the latter out.
        withinVar /= runsUsed;
        historyVar = std::max(0.0, squares / historyDof - withinVar);
        noise.historySd = std::sqrt(historyVar);
    }
    noise.dof = kPriorDof + historyDof;
    noise.sd = std::sqrt((kPriorDof * priorSd * priorSd + historyDof * historyVar) / noise.dof);
    return noise;
}

} // namespace crucible
