#pragma once

#include "Category.h"

#include <QMetaType>
#include <QString>
#include <QVariantMap>

#include <cstdint>
#include <stop_token>

namespace crucible {

// What a workload is, independent of any run of it.
struct WorkloadInfo {
    QString id = {};       // "category.name[/key=value...]" (SPEC.md "Workload ids")
    Category category = Category::External;
    QString description = {}; // one sentence a user understands
    QString unit = QStringLiteral("ns"); // what one sample value measures: time per iteration
    QString operation = QStringLiteral("op"); // what one iteration is, for throughput ("call", "event")
    QVariantMap parameters = {};
    // Architecture pairs: the id of the other side (the "old way" names the "new way" and back),
    // so that the pair can be measured interleaved and reported as a ratio.
    QString pairedWith = {};
};

// A unit of work the engine can time. The engine owns the loop: it calls run() with a batch
// size it has calibrated, and times the whole batch, never one iteration.
class Workload {
public:
    virtual ~Workload() = default;

    virtual const WorkloadInfo& info() const = 0;

    // Once before warm-up and once after the last sample; neither is timed. A setUp that
    // throws std::exception marks the workload failed with the exception's message.
    virtual void setUp() {}
    virtual void tearDown() {}

    // Perform `iterations` iterations of the job. Long-running bodies should return early when
    // `stop` is requested, so that Stop takes effect within 200 ms.
    virtual void run(std::uint64_t iterations, std::stop_token stop) = 0;
};

// A workload whose info is fixed at construction: most built-ins derive from it.
class BasicWorkload : public Workload {
public:
    explicit BasicWorkload(WorkloadInfo info) : m_info(std::move(info)) {}
    const WorkloadInfo& info() const override { return m_info; }

private:
    WorkloadInfo m_info;
};

} // namespace crucible

Q_DECLARE_METATYPE(crucible::WorkloadInfo)
