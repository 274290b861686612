#include "StudentT.h"

#include <cmath>
#include <limits>

namespace crucible::stats {

namespace {

// The continued fraction of the regularized incomplete beta function, by the modified Lentz
// method (Numerical Recipes, 3rd ed., §6.4); converges fast for x < (a + 1) / (a + b + 2).
double betaContinuedFraction(double a, double b, double x)
{
    constexpr double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = 1 / (std::abs(d) < tiny ? tiny : d);
    double h = d;
    for (int m = 1; m <= 300; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
        d = 1 + aa * d;
        d = 1 / (std::abs(d) < tiny ? tiny : d);
        c = 1 + aa / c;
        c = std::abs(c) < tiny ? tiny : c;
        h *= d * c;
        aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2));
        d = 1 + aa * d;
        d = 1 / (std::abs(d) < tiny ? tiny : d);
        c = 1 + aa / c;
        c = std::abs(c) < tiny ? tiny : c;
        const double delta = d * c;
        h *= delta;
        if (std::abs(delta - 1) < 1e-14)
            break;
    }
    return h;
}

// I_x(a, b).
double regularizedIncompleteBeta(double a, double b, double x)
{
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const double logFront = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    if (x < (a + 1) / (a + b + 2))
        return std::exp(logFront) * betaContinuedFraction(a, b, x) / a;
    return 1 - std::exp(logFront) * betaContinuedFraction(b, a, 1 - x) / b;
}

} // namespace

double studentTTwoSidedP(double t, double dof)
{
    if (std::isnan(t) || dof <= 0)
        return 1;
    if (std::isinf(t))
        return 0;
    return regularizedIncompleteBeta(dof / 2, 0.5, dof / (dof + t * t));
}

double studentTCdf(double t, double dof)
{
    const double tail = studentTTwoSidedP(t, dof) / 2;
    return t >= 0 ? 1 - tail : tail;
}

double studentTQuantile(double p, double dof)
{
    if (p <= 0)
        return -std::numeric_limits<double>::infinity();
    if (p >= 1)
        return std::numeric_limits<double>::infinity();
    // Bisection on the monotone CDF: 200 steps reach double precision from any bracket.
    double low = -1e6;
    double high = 1e6;
    for (int i = 0; i < 200 && high - low > 1e-12 * (1 + std::abs(low)); ++i) {
        const double mid = (low + high) / 2;
        (studentTCdf(mid, dof) < p ? low : high) = mid;
    }
    return (low + high) / 2;
}

} // namespace crucible::stats
