#pragma once

#include "Category.h"
#include "MeasurementSettings.h"
#include "Sample.h"

#include <QMetaType>
#include <QString>
#include <QVariantMap>

#include <cstdint>
#include <optional>
#include <stop_token>

namespace crucible {

// What a workload is, independent of any run of it.
struct WorkloadInfo {
    QString id = {}; // "category.name[/key=value...]" (SPEC.md "Workload ids")
    Category category = Category::External;
    QString description = {};                 // one sentence a user understands
    QString unit = QStringLiteral("ns");      // what one sample value measures: time per iteration
    QString operation = QStringLiteral("op"); // what one iteration is, for throughput ("call", "event")
    QVariantMap parameters = {};
    // Architecture pairs: the id of the other side (the "old way" names the "new way" and back),
    // so that the pair can be measured interleaved and reported as a ratio.
    QString pairedWith = {};
};

// The info of a built-in workload timed per iteration: id "<category>.<name>", unit ns.
WorkloadInfo builtInInfo(Category category, const QString& name, const QString& operation, const QString& description);

// For iterations of a few microseconds or less: looking at the stop token once per 1024
// iterations keeps Stop prompt at no measurable cost. Workloads whose iterations take ten
// microseconds or more look at it every iteration instead.
inline bool stopRequestedAt(std::uint64_t iteration, const std::stop_token& stop)
{
    return (iteration & 1023u) == 0 && stop.stop_requested();
}

// A unit of work the engine can time. The engine owns the loop: it calls run() with a batch
// size it has calibrated, and times the whole batch, never one iteration.
class Workload {
public:
    virtual ~Workload() = default;

    virtual const WorkloadInfo& info() const = 0;

    // Once before warm-up and once after the last sample; neither is timed. A setUp that
    // throws std::exception marks the workload failed with the exception's message. A set-up
    // that can take long (a suite's prepare command) returns early when `stop` is requested,
    // so that Stop takes effect within 200 ms; the run is then cancelled and tearDown() still
    // runs.
    virtual void setUp(std::stop_token) { }
    virtual void tearDown() { }

    // Perform `iterations` iterations of the job. Long-running bodies should return early when
    // `stop` is requested, so that Stop takes effect within 200 ms.
    virtual void run(std::uint64_t iterations, std::stop_token stop) = 0;

    // A workload whose cost the engine cannot see from its own thread (an external command:
    // the wall and CPU time and the peak memory are the child's) measures itself: it returns
    // true here, and the engine takes one measureIteration() per sample instead of timing
    // batches of run(); calibration does not apply (one iteration per sample), and warm-up is
    // at least one iteration, then as many as fit in the warm-up time.
    virtual bool measuresItself() const { return false; }

    // One iteration, measured: iterations = 1, with its wall time, CPU time (user + sys) and
    // the RSS that belongs to it. nullopt when `stop` was requested before it finished. A
    // failed iteration throws (WorkloadFailure to give a status other than failed), which ends
    // the workload. The default times run(1, stop) on this thread.
    virtual std::optional<Sample> measureIteration(std::stop_token stop);

    // A workload that takes all of its samples in one go returns true here, and true from
    // measuresItself(): a Google Benchmark executable runs every repetition of a benchmark in
    // one process, with its own warm-up and its own iteration counts. The engine does no
    // warm-up or calibration for it and calls measureSamples() once, at its first sample.
    virtual bool measuresInBulk() const { return false; }

    // All the samples `settings` asks for (sample count, warm-up and measurement time), each
    // with its own iteration count. nullopt when `stop` was requested before they were taken; a
    // failure throws as in measureIteration(). The engine keeps at most settings.sampleCount of
    // them. The default takes settings.sampleCount measureIteration()s.
    virtual std::optional<Samples> measureSamples(const MeasurementSettings& settings, std::stop_token stop);
};

// A workload whose info is fixed at construction: most built-ins derive from it.
class BasicWorkload : public Workload {
public:
    explicit BasicWorkload(WorkloadInfo info) : m_info(std::move(info)) { }
    const WorkloadInfo& info() const override { return m_info; }

private:
    WorkloadInfo m_info;
};

} // namespace crucible

Q_DECLARE_METATYPE(crucible::WorkloadInfo)
