// Tests of crucible::stats. Every expected number comes from an independent source, named
// next to it; "numpy"/"scipy" mean numpy 1.24.2 / scipy 1.10.1 run with Debian's
// /usr/bin/python3 (import numpy as np, scipy.stats as st).
#include "RelativeCompare.h"
#include "Statistics.h"

#include <QElapsedTimer>
#include <QTest>

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

using namespace crucible::stats;
using Values = std::vector<double>;

namespace {

#define COMPARE_INTERVAL(interval, lowValue, highValue)                                                                \
    do {                                                                                                               \
        const Interval i_ = (interval);                                                                                \
        QCOMPARE(i_.low, (lowValue));                                                                                  \
        QCOMPARE(i_.high, (highValue));                                                                                \
    } while (false)

// 11 irregular values used by several tests.
const Values kSmall{12.5, 3.1, 7.8, 9.4, 15.2, 4.6, 8.8, 11.0, 6.3, 20.7, 5.5};
const Values kEven{4.0, 1.0, 3.0, 2.0, 10.0, 7.5};

// Mann-Whitney samples, drawn once with numpy and pasted here:
// rng = np.random.default_rng(20240611); np.round(rng.normal(100, 10, 12), 2), then
// np.round(rng.normal(106, 10, 10), 2), np.round(rng.lognormal(3, 0.3, 5), 3),
// np.round(rng.lognormal(3.2, 0.3, 17), 3), np.round(rng.normal(100, 3, 30), 1),
// np.round(rng.normal(130, 3, 30), 1).
const Values kNoTiesA{97.89, 94.82, 101.5, 82.1, 102.84, 96.78, 92.74, 100.99, 80.49, 98.42, 92.69, 104.1};
const Values kNoTiesB{110.42, 96.72, 96.67, 91.3, 98.12, 109.19, 114.57, 108.29, 106.35, 97.33};

// A deterministic "normal-ish" sample: the (i + 0.5) / n quantiles of N(mu, sigma), so its
// empirical distribution approaches the normal without depending on any PRNG.
Values normalGrid(int n, double mu, double sigma)
{
    const boost::math::normal_distribution<double> dist(mu, sigma);
    Values values;
    for (int i = 0; i < n; ++i)
        values.push_back(boost::math::quantile(dist, (i + 0.5) / n));
    return values;
}

double width(Interval i)
{
    return i.high - i.low;
}

} // namespace

class TestStatistics : public QObject {
    Q_OBJECT

private slots:
    void descriptive_data()
    {
        QTest::addColumn<Values>("values");
        QTest::addColumn<double>("mean");
        QTest::addColumn<double>("median");
        QTest::addColumn<double>("stddev");
        QTest::addColumn<double>("mad");
        // np.mean(x), np.median(x), np.std(x, ddof=1), st.median_abs_deviation(x) (unscaled)
        QTest::newRow("odd count") << kSmall << 9.536363636363635 << 8.8 << 5.135810106939844 << 3.3000000000000007;
        QTest::newRow("even count") << kEven << 4.583333333333333 << 3.5 << 3.4701104689428357 << 2.0;
        QTest::newRow("one wild value") << Values{1, 2, 3, 4, 100} << 22.0 << 3.0 << 43.617656975128774 << 1.0;
        QTest::newRow("constant") << Values{7, 7, 7, 7, 7} << 7.0 << 7.0 << 0.0 << 0.0;
    }

    void descriptive()
    {
        QFETCH(Values, values);
        QFETCH(double, mean);
        QFETCH(double, median);
        QFETCH(double, stddev);
        QFETCH(double, mad);
        COMPARE_REL(crucible::stats::mean(values), mean, 1e-14);
        COMPARE_REL(crucible::stats::median(values), median, 1e-15);
        COMPARE_REL(crucible::stats::stddev(values), stddev, 1e-14);
        COMPARE_REL(medianAbsoluteDeviation(values), mad, 1e-15);
    }

    void quantiles_data()
    {
        QTest::addColumn<Values>("values");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("expected");
        // np.quantile(x, p), numpy's default method="linear"
        const std::pair<double, double> odd[] = {{0.0, 3.1}, {0.1, 4.6},    {0.25, 5.9}, {1.0 / 3, 6.799999999999999},
                                                 {0.5, 8.8}, {0.75, 11.75}, {0.9, 15.2}, {0.99, 20.150000000000002},
                                                 {1.0, 20.7}};
        const std::pair<double, double> even[] = {{0.1, 1.5}, {0.25, 2.25}, {0.5, 3.5}, {0.9, 8.75}};
        for (auto [p, q] : odd)
            QTest::addRow("odd p=%g", p) << kSmall << p << q;
        for (auto [p, q] : even)
            QTest::addRow("even p=%g", p) << kEven << p << q;
    }

    void quantiles()
    {
        QFETCH(Values, values);
        QFETCH(double, p);
        QFETCH(double, expected);
        // numpy's interpolation order is mirrored, so these agree to the last bit.
        QCOMPARE(quantile(values, p), expected);
        Values sorted = values;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(quantileSorted(sorted, p), expected);
    }

    void tukeyOutliers_data()
    {
        QTest::addColumn<Values>("values");
        QTest::addColumn<int>("lowSevere");
        QTest::addColumn<int>("lowMild");
        QTest::addColumn<int>("highMild");
        QTest::addColumn<int>("highSevere");
        // Reference for every row: q1, q3 = np.percentile(x, [25, 75]); iqr = q3 - q1, then
        // np.sum(x < q1-3*iqr), np.sum((x < q1-1.5*iqr) & (x >= q1-3*iqr)), and the mirror on top.
        // Fences here: q1=11.375 q3=16.125 -> -2.875, 4.25 | 23.25, 30.375.
        QTest::newRow("both sides") << Values{10.0, 10.5, 11.0, 11.5, 12.0, 12.0, 12.5, 13.0, 13.0, 13.5, 14.0, 14.5,
                                              15.0, 15.5, 16.0, 16.5, 4.0,  1.0,  -3.0, 22.0, 23.5, 30.0, 31.0, 45.0}
                                    << 1 << 2 << 2 << 2;
        // q1=1 q3=3: -5 and 9 sit exactly on the severe fences, -2 and 6 on the mild ones.
        // "Beyond" is strict, so the severe-fence values are mild and the mild-fence ones normal.
        QTest::newRow("values on the fences") << Values{-5, -2, 1, 1, 1, 1, 2, 3, 3, 3, 3, 6, 9} << 0 << 1 << 1 << 0;
        // q1 = q3 = 5: with no spread every other value is severe.
        QTest::newRow("zero IQR") << Values{5, 5, 5, 5, 5, 5, 5, 9} << 0 << 0 << 0 << 1;
        // q1=5.9 q3=11.75, mild fence 20.525 < 20.7.
        QTest::newRow("small set") << kSmall << 0 << 0 << 1 << 0;
        QTest::newRow("constant") << Values{3, 3, 3} << 0 << 0 << 0 << 0;
    }

    void tukeyOutliers()
    {
        QFETCH(Values, values);
        const OutlierCounts counts = crucible::stats::tukeyOutliers(values);
        QTEST(counts.lowSevere, "lowSevere");
        QTEST(counts.lowMild, "lowMild");
        QTEST(counts.highMild, "highMild");
        QTEST(counts.highSevere, "highSevere");
    }

    void emptyAndSingleInputs()
    {
        const Values empty;
        for (double v : {mean(empty), median(empty), stddev(empty), medianAbsoluteDeviation(empty),
                         quantile(empty, 0.5), quantileSorted(empty, 0.9)})
            QCOMPARE(v, 0.0);
        QCOMPARE(crucible::stats::tukeyOutliers(empty).total(), 0);

        const Values one{42.5};
        for (double v : {mean(one), median(one), quantile(one, 0.0), quantile(one, 0.99)})
            QCOMPARE(v, 42.5);
        QCOMPARE(stddev(one), 0.0); // n - 1 = 0: defined as 0 rather than NaN
        QCOMPARE(medianAbsoluteDeviation(one), 0.0);
        QCOMPARE(crucible::stats::tukeyOutliers(one).total(), 0);
    }

    void mannWhitney_data()
    {
        QTest::addColumn<Values>("a");
        QTest::addColumn<Values>("b");
        QTest::addColumn<double>("u");
        QTest::addColumn<double>("p");
        // st.mannwhitneyu(a, b, alternative="two-sided", method="asymptotic", use_continuity=True)
        // -> (statistic, pvalue); the same call with (b, a) gives n1*n2 - U and the same p.
        QTest::newRow("no ties") << kNoTiesA << kNoTiesB << 35.0 << 0.10620632068160006;
        QTest::newRow("heavy ties") << Values{1, 2, 2, 3, 3, 3, 4, 4, 5, 1, 2, 3}
                                    << Values{2, 3, 3, 4, 4, 4, 5, 5, 5, 3, 4, 2} << 41.5 << 0.07509232462186319;
        QTest::newRow("unequal sizes") << Values{21.301, 15.726, 21.583, 18.901, 25.966}
                                       << Values{26.069, 36.99,  21.705, 30.777, 26.247, 40.812, 13.618, 31.89, 18.046,
                                                 18.905, 24.398, 15.593, 17.144, 21.08,  22.27,  13.858, 18.876}
                                       << 36.0 << 0.6383004001900994;
        // Identical distributions: interleaved ranks (U exactly n1*n2/2), the same sample twice,
        // and a near-balanced pair.
        QTest::newRow("interleaved") << Values{1, 4, 5, 8, 9, 12, 13, 16} << Values{2, 3, 6, 7, 10, 11, 14, 15} << 32.0
                                     << 1.0;
        QTest::newRow("same sample") << Values{3.5, 1.25, 7.0, 2.0, 9.5} << Values{3.5, 1.25, 7.0, 2.0, 9.5} << 12.5
                                     << 1.0;
        QTest::newRow("near balanced") << Values{1, 4, 5, 8, 9, 12, 13, 16} << Values{2, 3, 6, 7, 10, 11, 14, 17.5, 0.5}
                                       << 39.0 << 0.8098941304284747;
        QTest::newRow("clearly shifted") << Values{99.6,  99.6,  98.0,  100.0, 98.5,  103.5, 97.6,  100.2, 98.5,  102.6,
                                                   97.1,  102.6, 96.4,  95.9,  98.4,  100.3, 95.4,  98.5,  100.0, 99.9,
                                                   102.6, 102.4, 101.0, 102.7, 102.8, 96.7,  106.6, 99.9,  98.2,  101.8}
                                         << Values{128.5, 131.9, 126.4, 132.2, 126.2, 131.1, 129.4, 128.5, 130.5, 128.3,
                                                   127.7, 131.2, 135.8, 127.0, 133.5, 133.2, 126.6, 130.6, 131.6, 127.3,
                                                   133.2, 132.6, 135.1, 131.2, 132.8, 135.4, 130.6, 128.5, 125.6, 130.9}
                                         << 0.0 << 2.9859583708698266e-11;
        QTest::newRow("one value each") << Values{1.0} << Values{2.0} << 0.0 << 1.0;
        // Zero variance: scipy's z is -inf there and its p clips to 1.0.
        QTest::newRow("all identical") << Values(6, 2.0) << Values(4, 2.0) << 12.0 << 1.0;
    }

    void mannWhitney()
    {
        QFETCH(Values, a);
        QFETCH(Values, b);
        QFETCH(double, u);
        QFETCH(double, p);
        // The reference values are scipy's method="asymptotic"; the default (scipy's "auto")
        // is checked against scipy in tst_interop.
        const MannWhitney ab = mannWhitneyU(a, b, crucible::stats::MannWhitneyMethod::Asymptotic);
        QCOMPARE(ab.u, u);
        COMPARE_REL(ab.pValue, p, 1e-9);
        const MannWhitney ba = mannWhitneyU(b, a, crucible::stats::MannWhitneyMethod::Asymptotic);
        QCOMPARE(ba.u, double(a.size() * b.size()) - u);
        COMPARE_REL(ba.pValue, p, 1e-9);
        QCOMPARE(ba.z, -ab.z);
    }

    void mannWhitneyEmptySideAndSign()
    {
        const Values empty;
        for (const MannWhitney& r :
             {mannWhitneyU(empty, kNoTiesB), mannWhitneyU(kNoTiesA, empty), mannWhitneyU(empty, empty)}) {
            QCOMPARE(r.u, 0.0);
            QCOMPARE(r.z, 0.0);
            QCOMPARE(r.pValue, 1.0);
        }
        // Sign convention: z > 0 when the first sample tends to be larger (U1 > n1*n2/2).
        QVERIFY(mannWhitneyU(Values{10, 11, 12}, Values{1, 2, 3}).z > 0);
        QVERIFY(mannWhitneyU(Values{1, 2, 3}, Values{10, 11, 12}).z < 0);
    }

    void bootstrapEdgeCases()
    {
        const Values empty;
        const Values one{7.25};
        COMPARE_INTERVAL(bootstrapMedianCI(empty), 0.0, 0.0);
        COMPARE_INTERVAL(bootstrapMedianCI(one), 7.25, 7.25);
        COMPARE_INTERVAL(bootstrapMedianRatioCI(empty, one), 0.0, 0.0);
        COMPARE_INTERVAL(bootstrapMedianRatioCI(one, empty), 0.0, 0.0);
        // One value per side: every resample is the same, 5 / 4 = 1.25.
        COMPARE_INTERVAL(bootstrapMedianRatioCI(Values{4.0}, Values{5.0}), 1.25, 1.25);
        // Constant values: the interval collapses onto the median.
        COMPARE_INTERVAL(bootstrapMedianCI(Values(50, 3.0)), 3.0, 3.0);
    }

    void bootstrapDeterministic()
    {
        const Interval first = bootstrapMedianCI(kNoTiesA);
        COMPARE_INTERVAL(bootstrapMedianCI(kNoTiesA), first.low, first.high);
        const Interval ratio = bootstrapMedianRatioCI(kNoTiesB, kNoTiesA);
        COMPARE_INTERVAL(bootstrapMedianRatioCI(kNoTiesB, kNoTiesA), ratio.low, ratio.high);

        // Continuous samples, so that another stream of resamples visibly moves the interval.
        const Values grid = normalGrid(97, 50, 5);
        const Values other = normalGrid(61, 60, 5);
        const Interval seed1 = bootstrapMedianCI(grid, 0.95, kBootstrapResamples, 1);
        COMPARE_INTERVAL(bootstrapMedianCI(grid, 0.95, kBootstrapResamples, 1), seed1.low, seed1.high);
        const Interval seed2 = bootstrapMedianCI(grid, 0.95, kBootstrapResamples, 2);
        QVERIFY(seed1.low != seed2.low || seed1.high != seed2.high);
        const Interval ratio1 = bootstrapMedianRatioCI(grid, other, 0.95, 1000, 1);
        const Interval ratio2 = bootstrapMedianRatioCI(grid, other, 0.95, 1000, 2);
        QVERIFY(ratio1.low != ratio2.low || ratio1.high != ratio2.high);
    }

    // The resample stream is pinned: stored intervals must not change with the compiler or
    // standard library. Reference: an independent pure-Python std::mt19937_64, Lemire's bounded
    // draw on its 32-bit halves (low half first), numpy for medians and quantiles:
    //   M = (1 << 64) - 1
    //   def mt64(seed):
    //       mt = [seed]
    //       for i in range(1, 312):
    //           mt.append((6364136223846793005 * (mt[-1] ^ (mt[-1] >> 62)) + i) & M)
    //       while True:
    //           for k in range(312):
    //               y = (mt[k] & 0xFFFFFFFF80000000) | (mt[(k + 1) % 312] & 0x7FFFFFFF)
    //               mt[k] = mt[(k + 156) % 312] ^ (y >> 1) ^ (0xB5026F5AA96619E9 if y & 1 else 0)
    //           for x in mt:
    //               x ^= (x >> 29) & 0x5555555555555555; x ^= (x << 17) & 0x71D67FFFEDA60000 & M
    //               x ^= (x << 37) & 0xFFF7EEE000000000 & M; yield x ^ (x >> 43)
    //   def halves(seed):
    //       for x in mt64(seed): yield x & 0xFFFFFFFF; yield x >> 32
    //   def below(h, n):
    //       m = next(h) * n
    //       if (m & 0xFFFFFFFF) < n:
    //           while (m & 0xFFFFFFFF) < ((1 << 32) - n) % n: m = next(h) * n
    //       return m >> 32
    //   g = mt64(5489); [next(g) for _ in range(9999)]; assert next(g) == 9981545732273789042
    //   h = halves(0x5eedc0ffee1234)    # kBootstrapSeed; a = kNoTiesA, b = kNoTiesB
    //   np.quantile([np.median([a[below(h, 12)] for _ in a]) for _ in range(1000)], [.05, .95])
    //   -> [92.73875, 100.99]
    //   h = halves(0x5eedc0ffee1234); r = []
    //   for _ in range(500):             # each resample draws the baseline b first, then a
    //       mb = np.median([b[below(h, 10)] for _ in b])
    //       r.append(np.median([a[below(h, 12)] for _ in a]) / mb)
    //   np.quantile(r, [.025, .975]) -> [0.8595512435692818, 1.0278845978019786]
    //   h = halves(0x5eedc0ffee1234)    # odd n: x = kSmall
    //   np.quantile([np.median([x[below(h, 11)] for _ in x]) for _ in range(300)], [.1, .9])
    //   -> [6.3, 11.0]
    //   t = [1, 2, 2, 3, 3, 3, 4, 4, 5, 1, 2, 3, 7]; h = halves(7)    # ties, another seed
    //   np.quantile([np.median([t[below(h, 13)] for _ in t]) for _ in range(300)], [.1, .9])
    //   -> [2.0, 3.0]
    void bootstrapMatchesReferenceStream()
    {
        const Interval ci = bootstrapMedianCI(kNoTiesA, 0.90, 1000);
        COMPARE_REL(ci.low, 92.73875, 1e-15);
        COMPARE_REL(ci.high, 100.99, 1e-15);
        const Interval ratio = bootstrapMedianRatioCI(kNoTiesB, kNoTiesA, 0.95, 500);
        COMPARE_REL(ratio.low, 0.8595512435692818, 1e-14);
        COMPARE_REL(ratio.high, 1.0278845978019786, 1e-14);
        COMPARE_INTERVAL(bootstrapMedianCI(kSmall, 0.80, 300), 6.3, 11.0);
        const Values tied{1, 2, 2, 3, 3, 3, 4, 4, 5, 1, 2, 3, 7};
        COMPARE_INTERVAL(bootstrapMedianCI(tied, 0.80, 300, 7), 2.0, 3.0);
    }

    void bootstrapContainsMedian_data()
    {
        QTest::addColumn<Values>("values");
        QTest::newRow("small") << kSmall;
        QTest::newRow("even") << kEven;
        QTest::newRow("no ties a") << kNoTiesA;
        QTest::newRow("grid") << normalGrid(200, 1000, 30);
    }

    void bootstrapContainsMedian()
    {
        QFETCH(Values, values);
        const double m = median(values);
        const Interval ci = bootstrapMedianCI(values);
        QVERIFY2(ci.low <= m && m <= ci.high,
                 qPrintable(QStringLiteral("[%1, %2] misses %3").arg(ci.low).arg(ci.high).arg(m)));
        QVERIFY(ci.low < ci.high);
    }

    void bootstrapNarrowsWithN()
    {
        // The median's standard error shrinks like 1/sqrt(n): ten times the data, about a third of
        // the width. Checked loosely (strictly narrower, and by at least half each step).
        const double w25 = width(bootstrapMedianCI(normalGrid(25, 100, 10)));
        const double w250 = width(bootstrapMedianCI(normalGrid(250, 100, 10)));
        const double w2500 = width(bootstrapMedianCI(normalGrid(2500, 100, 10)));
        QVERIFY2(w250 < w25 / 2 && w2500 < w250 / 2,
                 qPrintable(QStringLiteral("widths %1 %2 %3").arg(w25).arg(w250).arg(w2500)));
    }

    void bootstrapNearAsymptoticInterval()
    {
        // For N(100, 10) the sample median is asymptotically normal with standard error
        // sigma * sqrt(pi / (2n)); the 95% interval is the median +- 1.959964 of those. For n=2000:
        //   st.norm.ppf(0.975) * 10 * np.sqrt(np.pi / (2 * 2000)) -> 0.5492790458901644
        // scipy agrees on this very sample (x = 100 + 10*st.norm.ppf((np.arange(2000)+0.5)/2000)):
        //   st.bootstrap((x,), np.median, method='percentile', n_resamples=10000, random_state=1)
        //   -> (99.45453798650242, 100.54561933535105)
        // The tolerance is 20% of the half-width: the bootstrap distribution of a median is lumpy
        // (it lives on a few order statistics) and 10,000 resamples leave ~1-2% Monte Carlo noise,
        // while a wrong percentile (e.g. a 90% interval) or a wrong scale would be off by >15%.
        const double halfWidth = 0.5492790458901644;
        const Interval ci = bootstrapMedianCI(normalGrid(2000, 100, 10));
        QVERIFY2(std::abs(ci.low - (100 - halfWidth)) < 0.2 * halfWidth, qPrintable(QString::number(ci.low, 'g', 10)));
        QVERIFY2(std::abs(ci.high - (100 + halfWidth)) < 0.2 * halfWidth,
                 qPrintable(QString::number(ci.high, 'g', 10)));
    }

    void bootstrapRatioContainsKnownRatio()
    {
        // Odd-sized symmetric grids: the medians are exactly 100 and 125, so the ratio is 1.25.
        const Values baseline = normalGrid(301, 100, 8);
        const Values candidate = normalGrid(199, 125, 12);
        const Interval r = bootstrapMedianRatioCI(baseline, candidate);
        QVERIFY2(r.low < 1.25 && 1.25 < r.high, qPrintable(QStringLiteral("[%1, %2]").arg(r.low).arg(r.high)));
        // And not absurdly wide. Relative 95% half-widths of the two medians by the formula of
        // bootstrapNearAsymptoticInterval: 1.96*8*sqrt(pi/602)/100 = 0.0113 and
        // 1.96*12*sqrt(pi/398)/125 = 0.0167, about 0.020 combined, so +-5% of 1.25 is generous.
        QVERIFY(r.low > 1.25 * 0.95 && r.high < 1.25 * 1.05);

        const Interval same = bootstrapMedianRatioCI(baseline, baseline);
        QVERIFY(same.low < 1.0 && 1.0 < same.high);
    }

    void summarize()
    {
        const Summary s = crucible::stats::summarize(kSmall);
        QCOMPARE(s.n, kSmall.size());
        COMPARE_REL(s.mean, 9.536363636363635, 1e-14);   // np.mean(x)
        COMPARE_REL(s.median, 8.8, 1e-15);               // np.median(x)
        COMPARE_REL(s.stddev, 5.135810106939844, 1e-14); // np.std(x, ddof=1)
        COMPARE_REL(s.mad, 3.3000000000000007, 1e-15);   // st.median_abs_deviation(x)
        COMPARE_REL(s.cv, 0.5385501542072287, 1e-14);    // np.std(x, ddof=1)/np.mean(x)
        QCOMPARE(s.min, 3.1);
        QCOMPARE(s.max, 20.7);
        QCOMPARE(s.p90, 15.2);               // np.percentile(x, 90)
        QCOMPARE(s.p99, 20.150000000000002); // np.percentile(x, 99)
        const Interval ci = bootstrapMedianCI(kSmall);
        QCOMPARE(s.ci95.low, ci.low);
        QCOMPARE(s.ci95.high, ci.high);
        QCOMPARE(s.outliers.highMild, 1); // tukeyOutliers "small set"
        QCOMPARE(s.outliers.total(), 1);
    }

    void summarizeEdgeCases()
    {
        const Summary empty = crucible::stats::summarize(Values{});
        QCOMPARE(empty.n, std::size_t{0});
        for (double v : {empty.mean, empty.median, empty.stddev, empty.mad, empty.cv, empty.min, empty.max, empty.p90,
                         empty.p99, empty.ci95.low, empty.ci95.high})
            QCOMPARE(v, 0.0);
        QCOMPARE(empty.outliers.total(), 0);

        const Summary one = crucible::stats::summarize(Values{12.0});
        QCOMPARE(one.n, std::size_t{1});
        for (double v : {one.mean, one.median, one.p99, one.ci95.low, one.ci95.high})
            QCOMPARE(v, 12.0);
        QCOMPARE(one.stddev, 0.0);
        QCOMPARE(one.cv, 0.0);

        // Mean exactly zero: cv is defined as 0 rather than inf/NaN.
        const Summary zeroMean = crucible::stats::summarize(Values{-1.0, 1.0});
        QCOMPARE(zeroMean.mean, 0.0);
        QCOMPARE(zeroMean.cv, 0.0);
    }

    void throughput_data()
    {
        QTest::addColumn<double>("ns");
        QTest::addColumn<double>("expected");
        // Python: 1e9 / ns
        QTest::newRow("250 ns") << 250.0 << 4000000.0;
        QTest::newRow("1.5 ns") << 1.5 << 666666666.6666666;
        QTest::newRow("1 s") << 1e9 << 1.0;
        QTest::newRow("zero") << 0.0 << 0.0;
        QTest::newRow("negative") << -5.0 << 0.0;
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << 0.0;
    }

    void throughput()
    {
        QFETCH(double, ns);
        QFETCH(double, expected);
        QCOMPARE(throughputPerSecond(ns), expected);
    }
};

QTEST_APPLESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
