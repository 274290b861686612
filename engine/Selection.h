#pragma once

#include "WorkloadRegistry.h"

#include <QStringList>

#include <vector>

namespace crucible {

// SPEC.md FILTER words: an id substring, a category name, or re:REGEX. No filter selects all;
// several select the union.
bool matchesFilters(const WorkloadInfo& info, const QStringList& filters);

} // namespace crucible
