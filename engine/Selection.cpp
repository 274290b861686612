#include "Selection.h"

#include <QRegularExpression>

namespace crucible {

bool matchesFilters(const WorkloadInfo& info, const QStringList& filters)
{
    if (filters.isEmpty())
        return true;
    for (const QString& f : filters) {
        if (f.startsWith(QLatin1String("re:"))) {
            if (QRegularExpression(f.mid(3)).match(info.id).hasMatch())
                return true;
        } else if (f == categoryName(info.category) || info.id.contains(f)) {
            return true;
        }
    }
    return false;
}

std::vector<const WorkloadFactory*> selectWorkloads(const WorkloadRegistry& registry, const QStringList& filters)
{
    std::vector<const WorkloadFactory*> selected;
    for (const WorkloadFactory& f : registry.all())
        if (matchesFilters(f.info, filters))
            selected.push_back(&f);
    return selected;
}

} // namespace crucible
