#pragma once

#include "Workload.h"

namespace crucible::charts {

// A workload's id without its category ("architecture.tool_exec.direct" → "tool_exec.direct"),
// for places that already say the category (a chart of one category, a section heading).
inline QString shortId(const WorkloadInfo& info)
{
    const QString prefix = categoryName(info.category) + QLatin1Char('.');
    return info.id.startsWith(prefix) && info.id.size() > prefix.size() ? info.id.mid(prefix.size()) : info.id;
}

} // namespace crucible::charts
