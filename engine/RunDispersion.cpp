#include "RunDispersion.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace crucible {

namespace {

// Median of chi-square with 1 degree of freedom: of z² for a standard normal z.
constexpr double kChiSquare1Median = 0.454936;

// |z| of a standard normal whose two-sided p is `p`: erfc(|z|/√2) = p, by bisection (erfc is
// monotone; 200 steps reach double precision).
double normalZOfTwoSidedP(double p)
{
    p = std::clamp(p, 1e-300, 1.0);
    double low = 0;
    double high = 40;
    for (int i = 0; i < 200 && high - low > 1e-12; ++i) {
        const double mid = (low + high) / 2;
        (std::erfc(mid / std::sqrt(2.0)) > p ? low : high) = mid;
    }
    return (low + high) / 2;
}

// P(the k-th smallest of n chi-square(1) values ≥ x) = P(fewer than k of them below x).
double orderStatisticTail(int n, int k, double x)
{
    const double below = std::erf(std::sqrt(x / 2));
    double tail = 0;
    for (int j = 0; j < k; ++j)
        tail += std::exp(std::lgamma(n + 1.0) - std::lgamma(j + 1.0) - std::lgamma(n - j + 1.0)
                         + (j > 0 ? j * std::log(below) : 0.0) + (n - j > 0 ? (n - j) * std::log1p(-below) : 0.0));
    return std::min(1.0, tail);
}

} // namespace

RunDispersion runDispersion(std::span<const BaselineComparison> comparisons)
{
    std::vector<double> squares;
    for (const BaselineComparison& b : comparisons)
        if (b.dof > 0) {
            const double z = normalZOfTwoSidedP(b.pValue);
            squares.push_back(z * z);
        }
    RunDispersion d;
    d.workloads = int(squares.size());
    if (d.workloads < kDispersionMinWorkloads)
        return d;
    // The lower median (the k-th smallest, k = ⌈n/2⌉), whose chance distribution has a closed form.
    std::sort(squares.begin(), squares.end());
    const int k = (d.workloads + 1) / 2;
    const double median = squares[std::size_t(k - 1)];
    d.pValue = orderStatisticTail(d.workloads, k, median);
    if (d.pValue < kDispersionSignificance)
        d.factor = std::max(1.0, median / kChiSquare1Median);
    return d;
}

RunDispersion compareRun(std::span<PendingComparison> comparisons)
{
    std::vector<BaselineComparison> judged;
    for (PendingComparison& c : comparisons) {
        compareWithBaseline(*c.candidate, *c.baseline, c.context);
        if (c.candidate->baseline)
            judged.push_back(*c.candidate->baseline);
    }
    const RunDispersion dispersion = runDispersion(judged);
    if (!dispersion.applied())
        return dispersion;
    for (PendingComparison& c : comparisons) {
        c.context.dispersion = dispersion;
        compareWithBaseline(*c.candidate, *c.baseline, c.context);
    }
    return dispersion;
}

} // namespace crucible
