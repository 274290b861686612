#include "Statistics.h"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <utility>

namespace crucible::stats {

namespace {

std::vector<double> sortedCopy(std::span<const double> values)
{
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

// Median of a scratch buffer, reordering it: nth_element is O(n) where a sort is O(n log n).
// For an even count the lower middle value is the largest element left of the upper one.
double medianInPlace(std::vector<double>& buffer)
{
    const std::size_t n = buffer.size();
    if (n == 0)
        return 0;
    const auto upper = buffer.begin() + static_cast<std::ptrdiff_t>(n / 2);
    std::nth_element(buffer.begin(), upper, buffer.end());
    if (n % 2 == 1)
        return *upper;
    const double lower = *std::max_element(buffer.begin(), upper);
    return (lower + *upper) / 2; // numpy.median's mean of the middle pair
}

double medianOfSorted(std::span<const double> sorted)
{
    const std::size_t n = sorted.size();
    if (n == 0)
        return 0;
    if (n % 2 == 1)
        return sorted[n / 2];
    return (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

// Uniform indices in [0, n) from std::mt19937_64, whose output sequence the standard fixes,
// so a seed gives the same resamples with every standard library (uniform_int_distribution
// does not). Lemire's multiply-and-reject method on 32-bit halves of each 64-bit output: exact
// (unbiased) and only a multiply per draw in the common case, using no 128-bit integers.
class IndexDraw {
public:
    explicit IndexDraw(std::uint64_t seed) : m_engine(seed) { }

    std::size_t below(std::size_t n)
    {
        if (n > std::numeric_limits<std::uint32_t>::max())
            return belowWide(n);
        const auto range = static_cast<std::uint32_t>(n);
        std::uint64_t product = std::uint64_t{next32()} * range;
        auto low = static_cast<std::uint32_t>(product);
        if (low < range) {
            const std::uint32_t threshold = static_cast<std::uint32_t>(-range) % range;
            while (low < threshold) {
                product = std::uint64_t{next32()} * range;
                low = static_cast<std::uint32_t>(product);
            }
        }
        return static_cast<std::size_t>(product >> 32);
    }

private:
    std::uint32_t next32()
    {
        if (m_haveHalf) {
            m_haveHalf = false;
            return static_cast<std::uint32_t>(m_half >> 32);
        }
        m_half = m_engine();
        m_haveHalf = true;
        return static_cast<std::uint32_t>(m_half);
    }

    // Samples of four billion values do not occur in practice; plain rejection keeps it exact.
    std::size_t belowWide(std::size_t n)
    {
        const std::uint64_t range = n;
        const std::uint64_t threshold = (0 - range) % range;
        std::uint64_t r = m_engine();
        while (r < threshold)
            r = m_engine();
        return static_cast<std::size_t>(r % range);
    }

    std::mt19937_64 m_engine;
    std::uint64_t m_half = 0;
    bool m_haveHalf = false;
};

// Medians of bootstrap resamples (n draws with replacement) of one sample. A resample's median
// depends only on how often each value was drawn, so rather than copy each resample and run
// nth_element on it, this counts the draws per index and walks the counts in value order: O(n)
// without comparisons, and the same number, bit for bit, as the median of the copy. On the
// 2-core CI machine 10,000 resamples of 100 values take ~9 ms this way against ~26 ms.
class ResampleMedian {
public:
    explicit ResampleMedian(std::span<const double> values)
        : m_sorted(values.size()), m_rankOf(values.size()), m_counts(values.size())
    {
        std::vector<std::size_t> order(values.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::sort(order.begin(), order.end(), [values](std::size_t x, std::size_t y) { return values[x] < values[y]; });
        for (std::size_t rank = 0; rank < order.size(); ++rank) {
            m_sorted[rank] = values[order[rank]];
            m_rankOf[order[rank]] = rank;
        }
    }

    double next(IndexDraw& draw)
    {
        const std::size_t n = m_sorted.size();
        std::fill(m_counts.begin(), m_counts.end(), std::size_t{0});
        // Draw an index into the caller's order (that pins the stream), count it by rank.
        for (std::size_t k = 0; k < n; ++k)
            ++m_counts[m_rankOf[draw.below(n)]];
        // Walk up the ranks until more than r draws have been passed: that value is the
        // resample's r-th smallest. The middle pair is r = (n-1)/2 and n/2 (equal for odd n).
        std::size_t pos = 0;
        std::size_t passed = m_counts[0];
        while (passed <= (n - 1) / 2)
            passed += m_counts[++pos];
        const double lower = m_sorted[pos];
        while (passed <= n / 2)
            passed += m_counts[++pos];
        const double upper = m_sorted[pos];
        return n % 2 == 1 ? upper : (lower + upper) / 2; // numpy.median's mean of the pair
    }

private:
    std::vector<double> m_sorted;      // the sample in ascending order
    std::vector<std::size_t> m_rankOf; // position in m_sorted of each caller index
    std::vector<std::size_t> m_counts; // draws per rank in the current resample
};

// The percentile interval: the (1-c)/2 and (1+c)/2 quantiles of the bootstrap distribution.
Interval percentileInterval(std::vector<double>& estimates, double confidence)
{
    if (estimates.empty())
        return {};
    std::sort(estimates.begin(), estimates.end());
    const double c = std::clamp(confidence, 0.0, 1.0);
    return {quantileSorted(estimates, (1 - c) / 2), quantileSorted(estimates, (1 + c) / 2)};
}

} // namespace

double mean(std::span<const double> values)
{
    if (values.empty())
        return 0;
    double sum = 0;
    for (double v : values)
        sum += v;
    return sum / static_cast<double>(values.size());
}

double median(std::span<const double> values)
{
    std::vector<double> scratch(values.begin(), values.end());
    return medianInPlace(scratch);
}

// Two passes (mean first, then squared deviations): the one-pass sum-of-squares formula
// cancels catastrophically when the spread is tiny next to the mean, as it is for timings.
double stddev(std::span<const double> values)
{
    if (values.size() < 2)
        return 0;
    const double m = mean(values);
    double squares = 0;
    for (double v : values)
        squares += (v - m) * (v - m);
    return std::sqrt(squares / static_cast<double>(values.size() - 1));
}

double medianAbsoluteDeviation(std::span<const double> values)
{
    if (values.empty())
        return 0;
    const double center = median(values);
    std::vector<double> deviations;
    deviations.reserve(values.size());
    for (double v : values)
        deviations.push_back(std::abs(v - center));
    return medianInPlace(deviations);
}

// numpy's "linear" method: virtual index (n - 1) p, then numpy's _lerp, which interpolates
// from the upper neighbour when the fraction is at least 0.5. Mirroring that order of
// operations makes results identical to numpy.percentile, not merely close.
double quantileSorted(std::span<const double> sorted, double p)
{
    if (sorted.empty())
        return 0;
    // Written so that a NaN p becomes 0: converting a NaN index to an integer would be UB.
    const double clamped = p > 0 ? std::min(p, 1.0) : 0.0;
    const double index = static_cast<double>(sorted.size() - 1) * clamped;
    const double below = std::floor(index);
    const auto lo = static_cast<std::size_t>(below);
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double t = index - below;
    const double a = sorted[lo];
    const double b = sorted[hi];
    const double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

double quantile(std::span<const double> values, double p)
{
    const std::vector<double> sorted = sortedCopy(values);
    return quantileSorted(sorted, p);
}

OutlierCounts tukeyOutliers(std::span<const double> values)
{
    OutlierCounts counts;
    if (values.empty())
        return counts;
    const std::vector<double> sorted = sortedCopy(values);
    const double q1 = quantileSorted(sorted, 0.25);
    const double q3 = quantileSorted(sorted, 0.75);
    const double iqr = q3 - q1;
    const double lowSevere = q1 - 3 * iqr;
    const double lowMild = q1 - 1.5 * iqr;
    const double highMild = q3 + 1.5 * iqr;
    const double highSevere = q3 + 3 * iqr;
    for (double v : sorted) {
        if (v < lowSevere)
            ++counts.lowSevere;
        else if (v < lowMild)
            ++counts.lowMild;
        else if (v > highSevere)
            ++counts.highSevere;
        else if (v > highMild)
            ++counts.highMild;
    }
    return counts;
}

Interval bootstrapMedianCI(std::span<const double> values, double confidence, int resamples, std::uint64_t seed)
{
    if (values.empty())
        return {};
    if (values.size() == 1 || resamples <= 0) {
        const double m = median(values);
        return {m, m};
    }
    IndexDraw draw(seed);
    ResampleMedian resample(values);
    std::vector<double> medians;
    medians.reserve(static_cast<std::size_t>(resamples));
    for (int i = 0; i < resamples; ++i)
        medians.push_back(resample.next(draw));
    return percentileInterval(medians, confidence);
}

Interval bootstrapMedianRatioCI(std::span<const double> baseline, std::span<const double> candidate, double confidence,
                                int resamples, std::uint64_t seed)
{
    if (baseline.empty() || candidate.empty())
        return {};
    if (resamples <= 0) {
        const double b = median(baseline);
        const double r = b != 0 ? median(candidate) / b : 0;
        return {r, r};
    }
    IndexDraw draw(seed);
    ResampleMedian baselineResample(baseline);
    ResampleMedian candidateResample(candidate);
    std::vector<double> ratios;
    ratios.reserve(static_cast<std::size_t>(resamples));
    for (int i = 0; i < resamples; ++i) {
        // One stream for both sides, baseline first: each resample is independent all the same.
        const double b = baselineResample.next(draw);
        const double c = candidateResample.next(draw);
        // A zero baseline median has no ratio (0/0 would poison the sort with NaN); such
        // resamples are left out. Timings are positive, so this only guards degenerate input.
        if (b != 0)
            ratios.push_back(c / b);
    }
    return percentileInterval(ratios, confidence);
}

namespace {

// Over the pooled values (tagged true when they come from the first sample): the sum of the
// first sample's 1-based average ranks, ties sharing the mean of their positions, and scipy's
// tie term sum(t^3 - t) over runs of t equal values.
struct RankSums {
    double firstSample = 0;
    double tieTerm = 0;
};

RankSums rankSums(std::vector<std::pair<double, bool>>& pooled)
{
    std::sort(pooled.begin(), pooled.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    RankSums sums;
    std::size_t i = 0;
    while (i < pooled.size()) {
        std::size_t j = i + 1;
        while (j < pooled.size() && pooled[j].first == pooled[i].first)
            ++j;
        // Positions i..j-1 (0-based) share the average of ranks i+1..j.
        const double rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
        for (std::size_t k = i; k < j; ++k)
            if (pooled[k].second)
                sums.firstSample += rank;
        const auto t = static_cast<double>(j - i);
        sums.tieTerm += t * t * t - t;
        i = j;
    }
    return sums;
}

// P(U >= u) * 2 under the null hypothesis, from the exact distribution of U for samples of
// sizes m and n without ties: scipy 1.10's _MWU.sf(u, m, n) * 2, clipped to 1. U counts, for
// each of the m values, the values of the other sample below it, so the number of orderings
// giving U = k is the coefficient of q^k in the Gaussian binomial [m+n choose m]_q
// = prod_{i=1..m} (1 - q^(n+i)) / (1 - q^i). By symmetry P(U >= u) = P(U <= mn - u); the
// coefficients up to mn - u are built with the smaller side as m (at most 8 when this is used,
// so O(8 * 4n) work). long double holds each count exactly while C(m+n, m) < 2^64 (n up to
// about 800 when m = 8), and to 64 bits of precision beyond.
double exactTwoSidedP(double u, std::size_t sizeA, std::size_t sizeB)
{
    const std::size_t m = std::min(sizeA, sizeB);
    const std::size_t n = std::max(sizeA, sizeB);
    const double lower = double(m) * double(n) - u; // mn - u, at most mn / 2 as u is the larger U
    if (lower < 0)
        return 0.0;
    const auto last = static_cast<std::size_t>(lower);
    std::vector<long double> counts(last + 1, 0.0L);
    counts[0] = 1.0L;
    long double orderings = 1.0L; // C(m + n, m)
    for (std::size_t i = 1; i <= m; ++i) {
        if (last >= n + i)
            for (std::size_t k = last; k >= n + i; --k) // multiply by (1 - q^(n+i))
                counts[k] -= counts[k - n - i];
        for (std::size_t k = i; k <= last; ++k) // divide by (1 - q^i)
            counts[k] += counts[k - i];
        orderings = orderings * static_cast<long double>(n + i) / static_cast<long double>(i);
    }
    const long double atMost = std::accumulate(counts.begin(), counts.end(), 0.0L);
    return std::clamp(static_cast<double>(2.0L * atMost / orderings), 0.0, 1.0);
}

MannWhitneyMethod chooseMethod(std::size_t sizeA, std::size_t sizeB, bool ties, MannWhitneyMethod method)
{
    if (method != MannWhitneyMethod::Auto)
        return method;
    // scipy 1.10 _mwu_choose_method: asymptotic when both samples have more than 8 values or
    // when there are ties, else exact. (Its docstring says "less than 8"; the code says <= 8.)
    if ((sizeA > 8 && sizeB > 8) || ties)
        return MannWhitneyMethod::Asymptotic;
    return MannWhitneyMethod::Exact;
}

} // namespace

MannWhitney mannWhitneyU(std::span<const double> a, std::span<const double> b, MannWhitneyMethod method)
{
    MannWhitney result;
    if (a.empty() || b.empty())
        return result;
    std::vector<std::pair<double, bool>> pooled;
    pooled.reserve(a.size() + b.size());
    for (double v : a)
        pooled.emplace_back(v, true);
    for (double v : b)
        pooled.emplace_back(v, false);
    const RankSums sums = rankSums(pooled);

    // Same expressions, in the same order, as scipy 1.10 _mannwhitneyu.py, so that the
    // p-values agree to rounding.
    const auto n1 = static_cast<double>(a.size());
    const auto n2 = static_cast<double>(b.size());
    const double n = n1 + n2;
    const double u1 = sums.firstSample - n1 * (n1 + 1) / 2;
    const double u2 = n1 * n2 - u1;
    result.u = u1;
    const double mu = n1 * n2 / 2;
    const double variance = n1 * n2 / 12 * ((n + 1) - sums.tieTerm / (n * (n - 1)));
    if (!(variance > 0))
        return result; // every value identical: no evidence of a difference
    const double s = std::sqrt(variance);
    // Two-sided: scipy takes the larger U and doubles the upper tail; the continuity
    // correction moves it half a step toward the mean.
    const double zUpper = (std::max(u1, u2) - mu - 0.5) / s;
    const boost::math::normal_distribution<double> standard;
    result.pValue = std::clamp(2 * boost::math::cdf(boost::math::complement(standard, zUpper)), 0.0, 1.0);
    // Report z with the sign of U1 - mu (positive: a tends to be larger). |U - mu| is a multiple
    // of 0.5, so the continuity correction takes it to zero at most, never across.
    const double magnitude = std::max(zUpper, 0.0);
    result.z = u1 > mu ? magnitude : (u1 < mu ? -magnitude : 0.0);
    if (chooseMethod(a.size(), b.size(), sums.tieTerm > 0, method) == MannWhitneyMethod::Exact)
        result.pValue = exactTwoSidedP(std::max(u1, u2), a.size(), b.size());
    return result;
}

Summary summarize(std::span<const double> values)
{
    Summary s;
    s.n = values.size();
    if (values.empty())
        return s;
    const std::vector<double> sorted = sortedCopy(values);
    s.mean = mean(values);
    s.median = medianOfSorted(sorted);
    s.stddev = stddev(values);
    s.mad = medianAbsoluteDeviation(values);
    s.cv = s.mean != 0 ? s.stddev / s.mean : 0;
    s.min = sorted.front();
    s.max = sorted.back();
    s.p90 = quantileSorted(sorted, 0.90);
    s.p99 = quantileSorted(sorted, 0.99);
    s.ci95 = bootstrapMedianCI(values);
    s.outliers = tukeyOutliers(values);
    return s;
}

double throughputPerSecond(double nsPerOperation)
{
    // Written as !(x > 0) so that NaN also yields 0 rather than propagating.
    if (!(nsPerOperation > 0))
        return 0;
    return 1e9 / nsPerOperation;
}

} // namespace crucible::stats
