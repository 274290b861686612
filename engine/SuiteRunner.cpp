#include "SuiteRunner.h"

#include "CpuTime.h"
#include "Measurer.h"
#include "ReferenceKernel.h"
#include "WorkloadFailure.h"

#include <QElapsedTimer>

#include <algorithm>
#include <exception>
#include <numeric>
#include <random>

namespace crucible {

namespace {

// One workload of a group being measured.
struct Member {
    Workload* workload = nullptr;
    int index = 0;
    std::unique_ptr<Measurer> measurer;
    Result result;
    bool setUpDone = false;
    bool failed = false;

    void fail(Status status, const QString& message)
    {
        failed = true;
        result.status = status;
        result.error = message;
    }
};

// Indices of the plan grouped so that the two sides of a pair are measured together (or, in an
// interleaved plan, all of them).
std::vector<std::vector<int>> groupPairs(const SessionPlan& plan)
{
    std::vector<std::vector<int>> groups;
    if (plan.interleaved && !plan.workloads.empty()) {
        groups.emplace_back(plan.workloads.size());
        std::iota(groups.front().begin(), groups.front().end(), 0);
        return groups;
    }
    std::vector<bool> taken(plan.workloads.size(), false);
    for (std::size_t i = 0; i < plan.workloads.size(); ++i) {
        if (taken[i])
            continue;
        taken[i] = true;
        std::vector<int> group{int(i)};
        const QString partner = plan.workloads[i]->info().pairedWith;
        for (std::size_t j = i + 1; !partner.isEmpty() && j < plan.workloads.size(); ++j) {
            if (!taken[j] && plan.workloads[j]->info().id == partner) {
                taken[j] = true;
                group.push_back(int(j));
                break;
            }
        }
        groups.push_back(std::move(group));
    }
    return groups;
}

// Runs one step of a member's measurement; an exception ends that member with its status.
// `always`: run even after an earlier failure (tear-down must still release what set-up made,
// such as a command's cleanup), but keep the first error.
template <typename F>
void guarded(Member& m, F&& f, bool always = false)
{
    if (m.failed && !always)
        return;
    auto fail = [&](Status status, const QString& message) {
        if (!m.failed)
            m.fail(status, message);
    };
    try {
        f();
    } catch (const WorkloadFailure& e) {
        fail(e.status(), e.error());
    } catch (const std::exception& e) {
        fail(Status::Failed, QString::fromLocal8Bit(e.what()));
    } catch (...) {
        fail(Status::Failed, QStringLiteral("unknown exception"));
    }
}

// A group being measured over the rounds of the run.
struct Group {
    std::vector<Member> members;
    bool started = false;  // set up, warmed up, calibrated
    int roundsDone = 0;    // completed slots
    bool finished = false; // torn down and reported
};

// The order in which round `round` visits `count` groups: plan order first, so that set-up
// follows the suite, then a fixed shuffle per round (as nanobench shuffles its blocks), so
// that no workload always follows the same neighbour or sits at the same point of a round.
std::vector<int> roundOrder(int count, int round)
{
    std::vector<int> order(std::size_t(count), 0);
    std::iota(order.begin(), order.end(), 0);
    if (round > 0) {
        // Knuth's multiplicative hash of the round, wrapping in 32 bits on purpose.
        std::mt19937 random(std::mt19937::result_type(std::uint32_t(round) * 2654435761u));
        std::shuffle(order.begin(), order.end(), random);
    }
    return order;
}

class PlanRun {
public:
    PlanRun(SessionPlan& plan, std::stop_token stop, RunObserver& observer)
        : m_plan(plan), m_stop(std::move(stop)), m_observer(observer), m_rounds(plan.settings.effectiveRounds())
    {
        m_clock.start();
    }

    RunResult run()
    {
        std::vector<Group> groups;
        for (const std::vector<int>& indices : groupPairs(m_plan))
            groups.push_back(makeGroup(indices));
        m_slotCount = int(groups.size()) * m_rounds;

        for (int round = 0; round < m_rounds && !m_stop.stop_requested(); ++round) {
            for (int g : roundOrder(int(groups.size()), round)) {
                if (m_stop.stop_requested())
                    break;
                runSlot(groups[std::size_t(g)], round);
                if (m_stop.stop_requested())
                    break; // the slot in progress is incomplete: its samples are dropped below
                ++m_slotsDone;
                if (round == m_rounds - 1)
                    finish(groups[std::size_t(g)]);
            }
        }

        RunResult run;
        run.info.rounds = m_rounds;
        run.info.reference = std::move(m_reference);
        run.cancelled = m_stop.stop_requested();
        for (Group& group : groups) {
            if (!group.finished && group.started)
                finish(group); // stopped: keep what its completed rounds measured
            for (Member& m : group.members)
                if (group.finished && kept(group, m))
                    run.results.push_back(std::move(m.result));
        }
        return run;
    }

private:
    Group makeGroup(const std::vector<int>& indices)
    {
        Group group;
        group.members.resize(indices.size());
        for (std::size_t k = 0; k < indices.size(); ++k) {
            Member& m = group.members[k];
            m.index = indices[k];
            m.workload = m_plan.workloads[std::size_t(m.index)].get();
            m.result.info = m.workload->info();
        }
        return group;
    }

    // The group's samples of one round, after the reference; on its first slot its set-up,
    // warm-up and calibration first.
    void runSlot(Group& group, int round)
    {
        for (Member& m : group.members)
            m_observer.workloadStarted(m.index, m.result.info);
        reportProgress(group, round, 0);
        if (!group.started) {
            group.started = true;
            for (Member& m : group.members) {
                guarded(m, [&] {
                    m.workload->setUp(m_stop);
                    m.setUpDone = true;
                    m.measurer = std::make_unique<Measurer>(*m.workload, m_plan.settings, m_stop);
                    m.measurer->warmUp();
                    m.measurer->calibrate();
                });
            }
            if (m_stop.stop_requested())
                return;
        }

        const ReferencePoint reference{double(m_clock.nsecsElapsed()) / 1e9, round, measureReferenceKernelNs()};
        m_reference.push_back(reference);
        m_observer.referenceMeasured(reference);

        const int samples = m_plan.settings.samplesInRound(round);
        std::vector<int> first;
        for (Member& m : group.members) {
            first.push_back(int(m.result.samples.size()));
            guarded(m, [&] { m.measurer->beginRound(samples); });
        }
        // CPU time counts over the samples, not set-up and warm-up.
        const CpuTimes cpuStart = threadCpuTimes();
        std::vector<double> wall(group.members.size(), 0.0);
        for (int i = 0; i < samples && !m_stop.stop_requested(); ++i) {
            for (std::size_t k = 0; k < group.members.size(); ++k) {
                Member& m = group.members[k];
                guarded(m, [&] {
                    const double startedNs = double(m_clock.nsecsElapsed());
                    if (std::optional<Sample> s = m.measurer->takeSample()) {
                        s->startedNs = startedNs;
                        m.result.samples.push_back(*s);
                        wall[k] += s->elapsedNs;
                        m_observer.sampleTaken(m.result.info.id, *s);
                    }
                });
            }
            reportProgress(group, round, double(i + 1) / samples);
        }
        if (m_stop.stop_requested()) {
            for (std::size_t k = 0; k < group.members.size(); ++k)
                group.members[k].result.samples.resize(std::size_t(first[k])); // an incomplete round
            return;
        }
        attributeCpuTime(group, wall, cpuStart, threadCpuTimes());
        for (std::size_t k = 0; k < group.members.size(); ++k) {
            Member& m = group.members[k];
            const int taken = int(m.result.samples.size()) - first[k];
            if (taken > 0)
                m.result.rounds.push_back(RoundSlice{round, first[k], taken, reference.ns});
        }
        group.roundsDone = round + 1;
    }

    // Pairs share one thread, so their CPU time in a slot is split by their share of its wall
    // time. A workload that measures itself (a command) brings its own CPU times in its samples.
    static void attributeCpuTime(Group& group, const std::vector<double>& wall, const CpuTimes& start,
                                 const CpuTimes& end)
    {
        double wallTotal = 0;
        int threadTimed = 0;
        for (std::size_t k = 0; k < group.members.size(); ++k) {
            if (group.members[k].workload->measuresItself())
                continue;
            ++threadTimed;
            wallTotal += wall[k];
        }
        for (std::size_t k = 0; k < group.members.size(); ++k) {
            Member& m = group.members[k];
            if (m.workload->measuresItself())
                continue;
            const double share = wallTotal > 0 ? wall[k] / wallTotal : 1.0 / double(threadTimed);
            m.result.userNs += (end.userNs - start.userNs) * share;
            m.result.sysNs += (end.sysNs - start.sysNs) * share;
        }
    }

    // Tear-down, statistics, and the workloads reported finished.
    void finish(Group& group)
    {
        group.finished = true;
        for (Member& m : group.members) {
            if (m.setUpDone)
                guarded(
                    m, [&] { m.workload->tearDown(); }, true);
            if (m.workload->measuresItself()) {
                for (const Sample& s : m.result.samples) {
                    m.result.userNs += s.userNs;
                    m.result.sysNs += s.sysNs;
                }
            }
            if (m_rounds <= 1)
                m.result.rounds.clear(); // one round: nothing to tell apart
            computeStatistics(m.result);
            if (kept(group, m))
                m_observer.workloadFinished(m.result);
        }
    }

    // A workload is in the results when it went through all rounds, or when a stop cut its
    // rounds short after at least one of them completed.
    bool kept(const Group& group, const Member& m) const
    {
        return group.roundsDone == m_rounds || !m.result.samples.empty();
    }

    void reportProgress(const Group& group, int round, double slotFraction)
    {
        const Member& current = group.members.front();
        Progress p;
        p.workloadCount = int(m_plan.workloads.size());
        p.workloadIndex = current.index;
        p.workloadId = current.result.info.id;
        p.round = round;
        p.rounds = m_rounds;
        p.workloadFraction = (group.roundsDone + slotFraction) / m_rounds;
        p.overallFraction = m_slotCount > 0 ? (m_slotsDone + slotFraction) / m_slotCount : 1;
        const double elapsed = double(m_clock.nsecsElapsed()) / 1e9;
        if (p.overallFraction > 0.01 && elapsed > 0.2)
            p.etaSeconds = elapsed / p.overallFraction * (1 - p.overallFraction);
        m_observer.progressed(p);
    }

    SessionPlan& m_plan;
    std::stop_token m_stop;
    RunObserver& m_observer;
    const int m_rounds;
    QElapsedTimer m_clock;
    int m_slotCount = 0;
    int m_slotsDone = 0;
    std::vector<ReferencePoint> m_reference;
};

} // namespace

RunResult runPlan(SessionPlan& plan, std::stop_token stop, RunObserver& observer)
{
    return PlanRun(plan, std::move(stop), observer).run();
}

} // namespace crucible
