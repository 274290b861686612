#pragma once

#include "Workload.h"

#include <functional>
#include <memory>
#include <vector>

namespace crucible {

// A registered built-in workload: its info (with default parameters) and how to make one.
struct WorkloadFactory {
    WorkloadInfo info;
    std::function<std::unique_ptr<Workload>(const QVariantMap& parameters)> create;
};

// The built-in workloads by id. Categories register into it explicitly (workloads/BuiltInWorkloads.h)
// rather than through static initialisers, which a static library would silently drop.
class WorkloadRegistry {
public:
    // Registers a workload; a second registration of the same id is a programming error.
    void add(WorkloadFactory factory);

    // Convenience for workloads without parameters.
    template <typename W>
    void add(WorkloadInfo info)
    {
        add(WorkloadFactory{info, [info](const QVariantMap&) { return std::make_unique<W>(info); }});
    }

    const WorkloadFactory* find(const QString& id) const;
    const std::vector<WorkloadFactory>& all() const { return m_factories; }

private:
    std::vector<WorkloadFactory> m_factories;
};

} // namespace crucible
