#include "NoiseModel.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace crucible {

namespace {

constexpr int kBlocksWithoutRounds = 5;
constexpr int kBootstrapResamples = 200;

// One replicate of a run: a round (or, without rounds, a block of consecutive samples).
struct Replicate {
    double fastest = 0;     // its smallest time per iteration
    double referenceNs = 0; // the reference measured before it (0: none)
};

// [first, first + count) of `times`, by sample index.
std::span<const double> slice(const std::vector<double>& times, int first, int count)
{
    const std::size_t begin = std::min<std::size_t>(std::size_t(std::max(first, 0)), times.size());
    const std::size_t end = std::min<std::size_t>(begin + std::size_t(std::max(count, 0)), times.size());
    return std::span<const double>(times).subspan(begin, end - begin);
}

std::vector<Replicate> replicatesOf(const Result& result, const std::vector<double>& times)
{
    std::vector<Replicate> replicates;
    // A sample of 0 ns (a batch under the clock's resolution) says nothing of the speed: the
    // fastest of the others counts, and a replicate with none is left out.
    const auto add = [&](std::span<const double> part, double referenceNs) {
        double fastest = INFINITY;
        for (double t : part)
            if (t > 0)
                fastest = std::min(fastest, t);
        if (std::isfinite(fastest))
            replicates.push_back({fastest, referenceNs});
    };
    if (result.rounds.size() >= 2) {
        for (const RoundSlice& round : result.rounds)
            if (round.sampleCount > 0 && round.firstSample < int(times.size()))
                add(slice(times, round.firstSample, round.sampleCount), round.referenceNs);
    } else {
        const int blocks = std::clamp(int(times.size()) / 2, 1, kBlocksWithoutRounds);
        for (int b = 0; b < blocks; ++b) {
            const int first = int(times.size()) * b / blocks;
            const int last = int(times.size()) * (b + 1) / blocks;
            add(slice(times, first, last - first), 0);
        }
    }
    return replicates;
}

// ln(fastest time), less ln(fastest reference) when `relative`, over the replicates picked.
template <typename Picked>
double fastestLog(const std::vector<Replicate>& replicates, Picked picked, bool relative)
{
    double fastest = INFINITY;
    double reference = INFINITY;
    for (std::size_t i = 0; i < replicates.size(); ++i) {
        const Replicate& r = replicates[picked(i)];
        fastest = std::min(fastest, r.fastest);
        reference = std::min(reference, r.referenceNs);
    }
    return std::log(fastest) - (relative ? std::log(reference) : 0.0);
}

// The level from the replicates: the fastest time, and its standard error from resampling the
// replicates (a fixed seed: the same runs always give the same verdict).
Level levelOf(const std::vector<Replicate>& replicates, bool relative)
{
    Level level;
    level.replicates = int(replicates.size());
    level.value = fastestLog(
        replicates, [](std::size_t i) { return i; }, relative);
    if (replicates.size() < 2)
        return level;
    std::mt19937 random(0x5eedu);
    std::uniform_int_distribution<std::size_t> pick(0, replicates.size() - 1);
    double sum = 0;
    double squares = 0;
    for (int b = 0; b < kBootstrapResamples; ++b) {
        const double v = fastestLog(
            replicates, [&](std::size_t) { return pick(random); }, relative);
        sum += v;
        squares += v * v;
    }
    const double mean = sum / kBootstrapResamples;
    level.se = std::sqrt(std::max(0.0, squares / kBootstrapResamples - mean * mean));
    return level;
}

} // namespace

RunLevels levelsOf(const Result& result)
{
    RunLevels levels;
    const std::vector<Replicate> replicates = replicatesOf(result, perIterationTimes(result.samples));
    if (replicates.empty())
        return levels;
    levels.time = levelOf(replicates, false);
    const bool referenced = result.rounds.size() >= 2
        && std::all_of(replicates.begin(), replicates.end(), [](const Replicate& r) { return r.referenceNs > 0; });
    if (referenced)
        levels.relative = levelOf(replicates, true);
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

namespace {

// The runs on each side of a real change (realStep) are two steady stretches, as [first, end)
// of the history; without one the whole history is one.
std::vector<std::pair<std::size_t, std::size_t>> stretchesOf(std::span<const Level> history)
{
    if (const std::optional<std::size_t> at = realStep(history))
        return {{0, *at}, {*at, history.size()}};
    return {{0, history.size()}};
}

} // namespace

std::vector<std::size_t> steadyWindow(std::span<const Level> history, std::size_t index)
{
    if (index >= history.size())
        return {};
    std::size_t first = 0;
    std::size_t end = 0;
    for (const auto& [b, e] : stretchesOf(history))
        if (index >= b && index < e) {
            first = b;
            end = e;
        }
    if (end - first < 3)
        return {};
    std::vector<double> values;
    for (std::size_t i = first; i < end; ++i)
        values.push_back(history[i].value);
    const double centre = stats::median(values);
    const double band =
        kClipAt * std::max(1.4826 * stats::medianAbsoluteDeviation(values), std::log1p(kPriorFloorPct / 100));
    if (std::abs(history[index].value - centre) > band)
        return {};
    std::vector<std::size_t> window;
    for (std::size_t i = first; i < end; ++i)
        if (std::abs(history[i].value - centre) <= band)
            window.push_back(i);
    return window;
}

double typicalSe(std::span<const Level> history)
{
    double squares = 0;
    for (const Level& l : history)
        squares += l.se * l.se;
    return history.empty() ? 0 : std::sqrt(squares / double(history.size()));
}

RunToRunNoise runToRunNoise(std::span<const Level> history, double priorSd)
{
    RunToRunNoise noise;
    noise.historyRuns = int(history.size());
    // Each stretch's spread is noise; the change between two stretches is not.
    // Each run's distance from its stretch's median, clipped at kClipAt robust sds: one run
    // caught whole in a slow state (or the first run after a real change, before the step
    // test can see it) then counts as a large deviation, not as a huge one that would hide
    // every real change for the next ten runs.
    std::vector<double> residuals;
    double historyDof = 0;
    for (const auto& [first, end] : stretchesOf(history)) {
        if (end - first < 2)
            continue;
        const std::span<const Level> stretch = history.subspan(first, end - first);
        std::vector<double> values;
        for (const Level& l : stretch)
            values.push_back(l.value);
        const double centre = stats::median(values);
        for (const Level& l : stretch)
            residuals.push_back(l.value - centre);
        historyDof += double(stretch.size() - 1);
    }
    double squares = 0;
    if (!residuals.empty()) {
        std::vector<double> distances;
        distances.reserve(residuals.size());
        for (double r : residuals)
            distances.push_back(std::abs(r));
        const double robustSd = 1.4826 * stats::median(distances);
        for (double r : residuals) {
            const double clipped = robustSd > 0 ? std::min(std::abs(r), kClipAt * robustSd) : std::abs(r);
            squares += clipped * clipped;
        }
    }
    double historyVar = 0;
    if (historyDof > 0) {
        // The whole spread of the levels, their own errors included: the standard error of a
        // run's fastest time (a bootstrap over its rounds) is too unsure to be taken out, and
        // the next run's level will carry the same kind of error.
        historyVar = squares / historyDof;
        noise.historySd = std::sqrt(historyVar);
    }
    noise.typicalSe = typicalSe(history);
    noise.dof = kPriorDof + historyDof;
    noise.sd = std::sqrt((kPriorDof * priorSd * priorSd + historyDof * historyVar) / noise.dof);
    return noise;
}

} // namespace crucible
