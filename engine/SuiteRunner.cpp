#include "SuiteRunner.h"

#include "Measurer.h"
#include "WorkloadFailure.h"

#include <QElapsedTimer>

#include <exception>
#include <sys/resource.h>

namespace crucible {

namespace {

struct CpuTimes {
    double userNs = 0;
    double sysNs = 0;
};

CpuTimes threadCpuTimes()
{
    rusage usage{};
    ::getrusage(RUSAGE_THREAD, &usage);
    auto ns = [](const timeval& tv) { return double(tv.tv_sec) * 1e9 + double(tv.tv_usec) * 1e3; };
    return {ns(usage.ru_utime), ns(usage.ru_stime)};
}

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

// Indices of the plan grouped so that the two sides of a pair are measured together.
std::vector<std::vector<int>> groupPairs(const SessionPlan& plan)
{
    std::vector<std::vector<int>> groups;
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

class PlanRun {
public:
    PlanRun(SessionPlan& plan, std::stop_token stop, RunObserver& observer)
        : m_plan(plan), m_stop(std::move(stop)), m_observer(observer)
    {
        m_clock.start();
    }

    RunResult run()
    {
        RunResult run;
        for (const std::vector<int>& group : groupPairs(m_plan)) {
            if (m_stop.stop_requested())
                break;
            std::vector<Result> results = runGroup(group);
            if (m_stop.stop_requested())
                break; // the group in progress is incomplete: drop it
            for (Result& r : results) {
                m_observer.workloadFinished(r);
                run.results.push_back(std::move(r));
            }
            m_done += int(group.size());
        }
        run.cancelled = m_stop.stop_requested();
        return run;
    }

private:
    std::vector<Result> runGroup(const std::vector<int>& indices)
    {
        std::vector<Member> members(indices.size());
        for (std::size_t k = 0; k < indices.size(); ++k) {
            Member& m = members[k];
            m.index = indices[k];
            m.workload = m_plan.workloads[m.index].get();
            m.result.info = m.workload->info();
            m_observer.workloadStarted(m.index, m.result.info);
        }
        reportProgress(members, 0);

        for (Member& m : members) {
            guarded(m, [&] {
                m.workload->setUp(m_stop);
                m.setUpDone = true;
                m.measurer = std::make_unique<Measurer>(*m.workload, m_plan.settings, m_stop);
                m.measurer->warmUp();
                m.measurer->calibrate();
            });
        }
        reportProgress(members, warmUpWeight());
        // CPU time counts from here: the samples, not set-up and warm-up.
        const CpuTimes cpuStart = threadCpuTimes();

        const int sampleCount = std::max(1, m_plan.settings.sampleCount);
        for (int i = 0; i < sampleCount && !m_stop.stop_requested(); ++i) {
            for (Member& m : members) {
                guarded(m, [&] {
                    if (std::optional<Sample> s = m.measurer->takeSample()) {
                        m.result.samples.push_back(*s);
                        m_observer.sampleTaken(m.result.info.id, *s);
                    }
                });
            }
            reportProgress(members,
                           warmUpWeight() + (1 - warmUpWeight()) * double(i + 1) / sampleCount);
        }

        // Pairs share one thread, so their CPU time is split by their share of wall time. A
        // workload that measures itself (a command) brings its own CPU times in its samples.
        const CpuTimes cpuEnd = threadCpuTimes();
        double wallTotal = 0;
        int threadTimed = 0;
        for (const Member& m : members) {
            if (m.workload->measuresItself())
                continue;
            ++threadTimed;
            for (const Sample& s : m.result.samples)
                wallTotal += s.elapsedNs;
        }

        std::vector<Result> results;
        for (Member& m : members) {
            if (m.setUpDone)
                guarded(m, [&] { m.workload->tearDown(); }, true);
            double wall = 0;
            for (const Sample& s : m.result.samples) {
                wall += s.elapsedNs;
                if (m.workload->measuresItself()) {
                    m.result.userNs += s.userNs;
                    m.result.sysNs += s.sysNs;
                }
            }
            if (!m.workload->measuresItself()) {
                const double share = wallTotal > 0 ? wall / wallTotal : 1.0 / double(threadTimed);
                m.result.userNs = (cpuEnd.userNs - cpuStart.userNs) * share;
                m.result.sysNs = (cpuEnd.sysNs - cpuStart.sysNs) * share;
            }
            computeStatistics(m.result);
            results.push_back(std::move(m.result));
        }
        return results;
    }

    double warmUpWeight() const
    {
        const double total = m_plan.settings.warmUpSeconds + m_plan.settings.measurementSeconds;
        return total > 0 ? m_plan.settings.warmUpSeconds / total : 0;
    }

    void reportProgress(const std::vector<Member>& group, double groupFraction)
    {
        const Member& current = group.front();
        Progress p;
        p.workloadCount = int(m_plan.workloads.size());
        p.workloadIndex = current.index;
        p.workloadId = current.result.info.id;
        p.workloadFraction = groupFraction;
        p.overallFraction = p.workloadCount > 0 ? (m_done + groupFraction * double(group.size())) / p.workloadCount : 1;
        const double elapsed = double(m_clock.nsecsElapsed()) / 1e9;
        if (p.overallFraction > 0.01 && elapsed > 0.2)
            p.etaSeconds = elapsed / p.overallFraction * (1 - p.overallFraction);
        m_observer.progressed(p);
    }

    SessionPlan& m_plan;
    std::stop_token m_stop;
    RunObserver& m_observer;
    QElapsedTimer m_clock;
    int m_done = 0;
};

} // namespace

RunResult runPlan(SessionPlan& plan, std::stop_token stop, RunObserver& observer)
{
    return PlanRun(plan, std::move(stop), observer).run();
}

} // namespace crucible
