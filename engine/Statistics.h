#pragma once

#include <cstdint>
#include <span>
#include <vector>

// Descriptive and comparative statistics over samples (per-iteration times, usually in ns).
// Pure functions over plain numbers: no Qt, no state, deterministic.
namespace crucible::stats {

struct Interval {
    double low = 0;
    double high = 0;
};

// Tukey's fences on the quartiles: mild beyond 1.5 IQR, severe beyond 3 IQR. Counted, never
// removed: dropping outliers hides exactly the behaviour a benchmark should show.
struct OutlierCounts {
    int lowSevere = 0;
    int lowMild = 0;
    int highMild = 0;
    int highSevere = 0;
    int total() const { return lowSevere + lowMild + highMild + highSevere; }
};

struct Summary {
    std::size_t n = 0;
    double mean = 0;
    double median = 0;
    double stddev = 0; // sample standard deviation (n - 1)
    double mad = 0;    // median absolute deviation, unscaled (scipy.stats.median_abs_deviation)
    double cv = 0;     // stddev / mean
    double min = 0;
    double max = 0;
    double p90 = 0;
    double p99 = 0;
    Interval ci95; // bootstrap 95% CI of the median
    OutlierCounts outliers;
};

double mean(std::span<const double> values);
double median(std::span<const double> values);
// Sample standard deviation (divides by n - 1); 0 for fewer than two values.
double stddev(std::span<const double> values);
double medianAbsoluteDeviation(std::span<const double> values);
// Linear interpolation between closest ranks (numpy.percentile's default, "type 7").
// `p` in [0, 1]. `sorted` must be sorted ascending.
double quantileSorted(std::span<const double> sorted, double p);
double quantile(std::span<const double> values, double p);
OutlierCounts tukeyOutliers(std::span<const double> values);

// Default seed of every bootstrap: the same input gives the same interval on every run.
inline constexpr std::uint64_t kBootstrapSeed = 0x5eed'c0ffee'1234ULL;
inline constexpr int kBootstrapResamples = 10'000;

// Percentile bootstrap CI of the median.
Interval bootstrapMedianCI(std::span<const double> values, double confidence = 0.95,
                           int resamples = kBootstrapResamples, std::uint64_t seed = kBootstrapSeed);

// Percentile bootstrap CI of median(candidate) / median(baseline), resampling each side
// independently.
Interval bootstrapMedianRatioCI(std::span<const double> baseline, std::span<const double> candidate,
                                double confidence = 0.95, int resamples = kBootstrapResamples,
                                std::uint64_t seed = kBootstrapSeed);

struct MannWhitney {
    double u = 0; // U statistic of the first sample (scipy's convention)
    double z = 0;
    double pValue = 1; // two-sided
};

// How the p-value is found, as scipy.stats.mannwhitneyu's `method`:
// Asymptotic: normal approximation with tie correction and continuity correction;
// Exact: the exact distribution of U (meant for samples without ties);
// Auto (scipy's default): Exact when either sample has at most 8 values and no value occurs
// twice in the pooled samples, else Asymptotic.
enum class MannWhitneyMethod { Auto, Asymptotic, Exact };

// Mann-Whitney U test, two-sided: the p-value of scipy.stats.mannwhitneyu(a, b,
// alternative="two-sided", method=...) (scipy 1.10). z is always the normal approximation's.
MannWhitney mannWhitneyU(std::span<const double> a, std::span<const double> b,
                         MannWhitneyMethod method = MannWhitneyMethod::Auto);

// All of the above for one set of values.
Summary summarize(std::span<const double> values);

// Operations per second for a per-operation time in nanoseconds.
double throughputPerSecond(double nsPerOperation);

} // namespace crucible::stats
