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

} // namespace crucible
