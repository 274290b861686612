#include "Stability.h"

#include "ChangePoints.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace crucible {

namespace {

// Per-iteration times in sample order; divided by their round's reference where every sample
// belongs to a round that measured it.
std::vector<double> normalisedTimes(const Result& result)
{
    std::vector<double> times = perIterationTimes(result.samples);
    std::vector<double> reference(times.size(), 0.0);
    // Each round's reference is one short timing, which a preemption can inflate; the machine's
    // phases last seconds, several rounds. A running median over neighbouring rounds keeps the
    // phases and drops a lone bad timing, which would otherwise move a shift's edge by a round.
    std::vector<double> perRound;
    for (const RoundSlice& slice : result.rounds)
        perRound.push_back(slice.referenceNs);
    std::vector<double> smoothed(perRound.size());
    for (std::size_t k = 0; k < perRound.size(); ++k) {
        if (k == 0 || k + 1 == perRound.size()) {
            smoothed[k] = perRound[k];
            continue;
        }
        std::array<double, 3> around{perRound[k - 1], perRound[k], perRound[k + 1]};
        std::sort(around.begin(), around.end());
        smoothed[k] = around[1];
    }
    for (std::size_t k = 0; k < result.rounds.size(); ++k) {
        const RoundSlice& slice = result.rounds[k];
        // Clamped to the samples: readers check rounds (roundsFit), and this never trusts them.
        const std::int64_t first = std::max<std::int64_t>(slice.firstSample, 0);
        const std::int64_t end =
            std::min<std::int64_t>(std::int64_t(slice.firstSample) + slice.sampleCount, std::int64_t(times.size()));
        for (std::int64_t i = first; i < end; ++i)
            reference[std::size_t(i)] = smoothed[k];
    }
    if (std::all_of(reference.begin(), reference.end(), [](double r) { return r > 0; }))
        for (std::size_t i = 0; i < times.size(); ++i)
            times[i] /= reference[i];
    return times;
}

double meanOf(const std::vector<double>& v, std::size_t from, std::size_t to)
{
    double sum = 0;
    for (std::size_t i = from; i < to; ++i)
        sum += v[i];
    return to > from ? sum / double(to - from) : 0;
}

} // namespace

Stability detectLevelShift(const Result& result)
{
    Stability stability;
    const std::vector<double> times = normalisedTimes(result);
    if (times.size() < 8)
        return stability; // too few samples to tell a shift from noise
    ChangePointOptions options;
    options.minSegmentLength = std::max<std::size_t>(3, times.size() / 8);
    options.significance = 0.001;
    options.minRelativeShiftPct = kUnstableShiftPct;
    const std::vector<std::size_t> changes = detectChangePoints(times, options);
    if (changes.empty())
        return stability;
    // Several change points: the largest step is the one to name (a brief disturbance of the
    // machine may add a smaller one elsewhere).
    double largest = -1;
    for (std::size_t k = 0; k < changes.size(); ++k) {
        const std::size_t from = k > 0 ? changes[k - 1] : 0;
        const std::size_t to = k + 1 < changes.size() ? changes[k + 1] : times.size();
        const double before = meanOf(times, from, changes[k]);
        const double after = meanOf(times, changes[k], to);
        if (before <= 0 || after <= 0)
            continue;
        const double step = std::abs(std::log(after / before));
        if (step > largest) {
            largest = step;
            stability.unstable = true;
            stability.shiftIndex = int(changes[k]);
            stability.shiftPct = (after / before - 1) * 100;
        }
    }
    return stability;
}

QString describeShift(const Stability& s)
{
    return QStringLiteral("level shift at sample %1 (%2%3%)")
        .arg(s.shiftIndex)
        .arg(s.shiftPct >= 0 ? QStringLiteral("+") : QString())
        .arg(s.shiftPct, 0, 'f', 1);
}

} // namespace crucible
