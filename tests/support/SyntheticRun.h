#pragma once

#include "Result.h"

#include <QDateTime>

#include <cmath>
#include <random>

// A run made up in memory, for the report tests and the report benchmark: `count` workloads
// spread over the five categories (architecture ones in pairs), `samples` samples each, times
// from tens of nanoseconds to milliseconds with noise, drift and a few outliers, RSS that
// grows a little, one failed workload, and baselines with every verdict. Deterministic.
inline crucible::RunResult syntheticRun(int count, int samples, bool withBaselines = true)
{
    using namespace crucible;
    static const Category kCategories[] = {Category::ScriptEngine, Category::Cli, Category::Daemon, Category::System,
                                           Category::Architecture};
    static const crucible::ChangeVerdict kVerdicts[] = {
        crucible::ChangeVerdict::Unchanged, crucible::ChangeVerdict::Regressed, crucible::ChangeVerdict::Improved,
        crucible::ChangeVerdict::Inconclusive};
    std::mt19937_64 rng(42);
    std::lognormal_distribution<double> noise(0.0, 0.08);

    RunResult run;
    run.info.suiteName = QStringLiteral("synthetic-suite");
    run.info.started = QDateTime(QDate(2025, 3, 14), QTime(9, 26, 53), Qt::UTC);
    run.info.finished = run.info.started.addSecs(count * 4);
    run.info.host = QStringLiteral("bench-host-01");
    run.info.cpu = QStringLiteral("Example CPU @ 3.00GHz");
    run.info.cpuCount = 8;
    run.info.os = QStringLiteral("Debian GNU/Linux 12 (bookworm)");
    run.info.kernel = QStringLiteral("linux 6.1.0");
    run.info.gitCommit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    run.info.toolVersion = QStringLiteral("0.1.0");
    run.info.warmUpSeconds = 1;
    run.info.measurementSeconds = 3;
    run.info.sampleCount = samples;

    for (int w = 0; w < count; ++w) {
        const Category category = kCategories[w % 5];
        Result r;
        r.info.category = category;
        r.info.id = QStringLiteral("%1.synthetic_%2").arg(categoryName(category)).arg(w, 3, 10, QLatin1Char('0'));
        if (category == Category::System)
            r.info.id += QStringLiteral("/file_size=%1KiB").arg(4 << (w % 4)); // "fi": no ligature may eat it
        r.info.description = QStringLiteral("Synthetic workload number %1, made up for the report tests.").arg(w);
        r.info.operation = QStringLiteral("call");
        // Architecture workloads come as old/new pairs, in that order, like the built-ins.
        if (category == Category::Architecture && w + 5 < count && (w / 5) % 2 == 0) {
            r.info.pairedWith = QStringLiteral("architecture.synthetic_%1").arg(w + 5, 3, 10, QLatin1Char('0'));
        } else if (category == Category::Architecture && w >= 5 && ((w - 5) / 5) % 2 == 0) {
            r.info.pairedWith = QStringLiteral("architecture.synthetic_%1").arg(w - 5, 3, 10, QLatin1Char('0'));
        }
        const double base = 30.0 * std::pow(10.0, (w * 7 % 13) / 2.5); // 30 ns … ~5 ms
        std::int64_t rss = (20 + w % 7) * 1024 * 1024;
        for (int s = 0; s < samples; ++s) {
            double t = base * noise(rng) * (1.0 + 0.002 * s);
            if (s % 17 == 16)
                t *= 1.6; // an outlier now and then
            const std::uint64_t iterations = std::max<std::uint64_t>(1, std::uint64_t(2e7 / base));
            rss += (s % 5 == 0) ? 4096 * (w % 3) : 0;
            r.samples.push_back(Sample{iterations, t * double(iterations), t * double(iterations) * 0.9, rss});
        }
        computeStatistics(r);
        if (w == 3) {
            r.status = Status::Failed;
            r.error = QStringLiteral("exit code 3: the command printed \"no such file\" and stopped");
            r.samples.clear();
            r.summary = {};
        }
        if (withBaselines && r.status == Status::Ok) {
            const crucible::ChangeVerdict verdict = kVerdicts[w % 4];
            const double change = verdict == crucible::ChangeVerdict::Regressed ? 12.5
                : verdict == crucible::ChangeVerdict::Improved                  ? -9.0
                                                                                : 0.4;
            r.baseline = BaselineComparison{};
            r.baseline->name = QStringLiteral("main");
            r.baseline->median = r.summary.median / (1 + change / 100);
            r.baseline->changePct = change;
            r.baseline->ci95Pct = {change - 2, change + 2};
            r.baseline->pValue = 0.01;
            r.baseline->verdict = verdict;
            r.baseline->judgedChangePct = change;
            r.baseline->noisePct = 1.5;
            r.baseline->noiseSource = QStringLiteral("run-to-run ±1.5% over the last 8 runs");
            r.baseline->rule = QStringLiteral("synthetic");
        }
        run.results.push_back(std::move(r));
    }
    return run;
}

// A workload that measured `times` (ns, one iteration per sample) with `rssBytes` of peak
// memory in each sample, its statistics computed.
inline crucible::Result measuredResult(const QString& id, const std::vector<double>& times, std::int64_t rssBytes,
                                       const QString& unit = QStringLiteral("ns"))
{
    crucible::Result r;
    r.info.id = id;
    r.info.unit = unit;
    for (double t : times) {
        crucible::Sample s;
        s.iterations = 1;
        s.elapsedNs = t;
        s.rssBytes = rssBytes;
        r.samples.push_back(s);
    }
    crucible::computeStatistics(r);
    return r;
}

// A claim of 96% ± 2% improvement of `candidate` over `baseline` that measured
// `improvementPct` [ci95Pct] and was refuted, as the reports show one.
inline crucible::ClaimOutcome refutedClaim(const QString& name, const QString& baseline, const QString& candidate,
                                           double improvementPct, crucible::stats::Interval ci95Pct)
{
    crucible::ClaimOutcome c;
    c.name = name;
    c.baseline = baseline;
    c.candidate = candidate;
    c.expectedImprovementPct = 96;
    c.tolerancePct = 2;
    c.improvementPct = improvementPct;
    c.ci95Pct = ci95Pct;
    c.verdict = crucible::ClaimVerdict::Refuted;
    return c;
}
