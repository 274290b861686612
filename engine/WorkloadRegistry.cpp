#include "WorkloadRegistry.h"

#include <QtGlobal>

namespace crucible {

void WorkloadRegistry::add(WorkloadFactory factory)
{
    Q_ASSERT_X(!find(factory.info.id), "WorkloadRegistry::add", "duplicate workload id");
    m_factories.push_back(std::move(factory));
}

const WorkloadFactory* WorkloadRegistry::find(const QString& id) const
{
    for (const WorkloadFactory& f : m_factories)
        if (f.info.id == id)
            return &f;
    return nullptr;
}

} // namespace crucible
