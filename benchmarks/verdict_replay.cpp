// Replays the verdicts over runs already measured, to compare ways of judging on the same data.
//
//   build/benchmarks/verdict_replay [--step PCT] [--only ID] [--verbose] run0/results.json run1/results.json …
//
// The files are unchanged runs of one selection on one host, oldest first (as
// benchmarks/verdict_noise.py fpr --keep leaves them). Each run is judged against the run before
// it, with the runs before that as its history (newest first, at most kVerdictHistoryRuns), the
// way a headless run with --db judges it: so every `regressed` / `improved` is a false positive.
//
// With --step PCT the same runs also give the power for a PCT% change: run i's samples (not its
// reference) are scaled by 1 + PCT/100 and judged against run i-1 (a `regressed` is a hit), then
// run i+1 is judged against that scaled run, with it in the history (an `improved` is a hit).
// That is a change of known size laid on real noise; it says which rule finds more on the same
// runs. The power figures quoted in docs/DESIGN.md come from real changed runs
// (verdict_noise.py power), not from this.
#include "Comparison.h"
#include "RunDispersion.h"
#include "history/EarlierResults.h"
#include "interop/ResultsJson.h"

#include <QCoreApplication>
#include <QFile>
#include <QMap>
#include <QStringList>

#include <cstdio>
#include <map>

using namespace crucible;

namespace {

struct Tally {
    int compared = 0;
    int hits = 0;  // fpr: regressed/improved; power: the wanted verdict
    int wrong = 0; // power: the opposite verdict

    void count(bool hit, bool wrongWay = false)
    {
        ++compared;
        hits += hit;
        wrong += wrongWay;
    }
    Tally& operator+=(const Tally& other)
    {
        compared += other.compared;
        hits += other.hits;
        wrong += other.wrong;
        return *this;
    }
};

// One row of the table: the false positives, and with a step the two power columns.
void printRow(const QString& name, const Tally& fpr, const Tally* up, const Tally* down)
{
    std::printf("%-40s %6d / %-4d", qPrintable(name), fpr.hits, fpr.compared);
    if (up && down)
        std::printf(" %5d / %-3d(%d✗) %5d / %-3d(%d✗)", up->hits, up->compared, up->wrong, down->hits, down->compared,
                    down->wrong);
    std::printf("\n");
}

const Result* findResult(const RunResult& run, const QString& id)
{
    for (const Result& r : run.results)
        if (r.info.id == id && r.status == Status::Ok && !r.samples.empty())
            return &r;
    return nullptr;
}

// Run `index`'s and the earlier runs' results of `id`, newest first, with the ones up to
// `newest` (inclusive) only; at most kVerdictHistoryRuns.
std::vector<Result> historyOf(const std::vector<RunResult>& runs, int newest, const QString& id)
{
    std::vector<Result> history;
    for (int i = newest; i >= 0 && int(history.size()) < kVerdictHistoryRuns; --i)
        if (const Result* r = findResult(runs[std::size_t(i)], id))
            history.push_back(*r);
    return history;
}

Result scaled(Result r, double factor)
{
    for (Sample& s : r.samples)
        s.elapsedNs *= factor;
    return r;
}

JudgeContext contextFor(const RunInfo& baseline, const RunInfo& candidate, std::vector<Result> history)
{
    JudgeContext context;
    context.baselineName = QStringLiteral("previous run");
    context.history = std::move(history);
    context.baselineInHistory = 0; // the run before is the newest of the history, as with --db
    context.incomparable = incomparability(baseline, candidate);
    context.busyMachine = busyMachine(baseline, candidate);
    context.settingsDiffer = settingsDifference(baseline, candidate);
    return context;
}

std::vector<BaselineComparison> valuesOf(const std::map<QString, BaselineComparison>& comparisons)
{
    std::vector<BaselineComparison> values;
    for (const auto& [id, b] : comparisons)
        values.push_back(b);
    return values;
}

// `candidate` judged as workload `id` of a run whose other comparisons are `run`'s: with the
// run's dispersion read with this comparison in place of the one `run` holds for `id`.
BaselineComparison judgeInRun(const Result& baseline, const Result& candidate, JudgeContext context,
                              std::map<QString, BaselineComparison> run, const QString& id)
{
    run[id] = judgeChange(baseline, candidate, context);
    context.dispersion = runDispersion(valuesOf(run));
    return context.dispersion.applied() ? judgeChange(baseline, candidate, context) : run[id];
}

bool isChange(ChangeVerdict v)
{
    return v == ChangeVerdict::Regressed || v == ChangeVerdict::Improved;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    double stepPct = 0;
    QString only;
    bool verbose = false;
    QStringList files;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--step") && i + 1 < args.size())
            stepPct = args[++i].toDouble();
        else if (args[i] == QLatin1String("--only") && i + 1 < args.size())
            only = args[++i];
        else if (args[i] == QLatin1String("--verbose"))
            verbose = true;
        else
            files << args[i];
    }
    if (files.size() < 2) {
        std::fprintf(
            stderr,
            "usage: verdict_replay [--step PCT] [--only ID] [--verbose] results.json… (oldest first, at least 2)\n");
        return 2;
    }
    std::vector<RunResult> runs;
    for (const QString& path : files) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "verdict_replay: cannot read %s: %s\n", qPrintable(path), qPrintable(f.errorString()));
            return 1;
        }
        Expected<RunResult> run = runFromJson(f.readAll());
        if (!run) {
            std::fprintf(stderr, "verdict_replay: %s: %s\n", qPrintable(path), qPrintable(run.error().message));
            return 1;
        }
        runs.push_back(std::move(*run));
    }

    // Every run's comparisons as a headless run makes them (each against the run before, then
    // all of them again when the run reads as dispersed): the false positives.
    std::vector<std::map<QString, BaselineComparison>> judged(runs.size());
    for (int i = 1; i < int(runs.size()); ++i) {
        const RunResult& before = runs[std::size_t(i - 1)];
        const RunResult& run = runs[std::size_t(i)];
        std::map<QString, JudgeContext> contexts;
        for (const Result& candidate : run.results) {
            const QString& id = candidate.info.id;
            const Result* baseline = findResult(before, id);
            if (!baseline || !findResult(run, id))
                continue;
            contexts[id] = contextFor(before.info, run.info, historyOf(runs, i - 1, id));
            judged[std::size_t(i)][id] = judgeChange(*baseline, candidate, contexts[id]);
        }
        const RunDispersion dispersion = runDispersion(valuesOf(judged[std::size_t(i)]));
        if (dispersion.applied())
            for (auto& [id, context] : contexts) {
                context.dispersion = dispersion;
                judged[std::size_t(i)][id] = judgeChange(*findResult(before, id), *findResult(run, id), context);
            }
    }

    QMap<QString, Tally> fpr;
    QMap<QString, Tally> up;
    QMap<QString, Tally> down;
    const double factor = 1 + stepPct / 100;
    for (int i = 1; i < int(runs.size()); ++i) {
        const RunResult& before = runs[std::size_t(i - 1)];
        const RunResult& run = runs[std::size_t(i)];
        for (const auto& [id, b] : judged[std::size_t(i)]) {
            if (!only.isEmpty() && id != only)
                continue;
            fpr[id].count(isChange(b.verdict));
            if (verbose || isChange(b.verdict))
                std::printf("run %d %s: %s\n", i, qPrintable(id), qPrintable(b.explanation()));
            if (stepPct == 0)
                continue;
            // The step: run i's result raised (the run's other workloads as they were), judged
            // against run i-1; then run i+1 against the raised run.
            const Result* baseline = findResult(before, id);
            const Result raised = scaled(*findResult(run, id), factor);
            const BaselineComparison u =
                judgeInRun(*baseline, raised, contextFor(before.info, run.info, historyOf(runs, i - 1, id)),
                           judged[std::size_t(i)], id);
            const ChangeVerdict worse = factor > 1 ? ChangeVerdict::Regressed : ChangeVerdict::Improved;
            const ChangeVerdict better = factor > 1 ? ChangeVerdict::Improved : ChangeVerdict::Regressed;
            up[id].count(u.verdict == worse, u.verdict == better);
            if (verbose)
                std::printf("run %d %s raised: %s\n", i, qPrintable(id), qPrintable(u.explanation()));
            if (i + 1 >= int(runs.size()))
                continue;
            const RunResult& after = runs[std::size_t(i + 1)];
            const Result* next = findResult(after, id);
            if (!next || !judged[std::size_t(i + 1)].count(id))
                continue;
            std::vector<Result> history = historyOf(runs, i - 1, id);
            history.insert(history.begin(), raised);
            if (int(history.size()) > kVerdictHistoryRuns)
                history.pop_back();
            const BaselineComparison d = judgeInRun(raised, *next, contextFor(run.info, after.info, std::move(history)),
                                                    judged[std::size_t(i + 1)], id);
            down[id].count(d.verdict == better, d.verdict == worse);
            if (verbose)
                std::printf("run %d %s back: %s\n", i + 1, qPrintable(id), qPrintable(d.explanation()));
        }
    }

    std::printf("\n%-40s %12s", "workload", "false pos.");
    if (stepPct != 0)
        std::printf(" %14s %14s", "found up", "found back");
    std::printf("\n");
    Tally all;
    Tally allUp;
    Tally allDown;
    for (auto it = fpr.cbegin(); it != fpr.cend(); ++it) {
        const Tally u = up.value(it.key());
        const Tally d = down.value(it.key());
        printRow(it.key(), *it, stepPct != 0 ? &u : nullptr, &d);
        all += *it;
        allUp += u;
        allDown += d;
    }
    printRow(QStringLiteral("all"), all, stepPct != 0 ? &allUp : nullptr, &allDown);
    return 0;
}
