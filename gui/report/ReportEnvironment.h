#pragma once

#include "ReportBlocks.h"
#include "RunEnvironment.h"

namespace crucible::report {

// "Environment" on the first page, under the title block: each warning of the run's environment
// (RunEnvironment.h) as a highlighted line, then the facts in five compact lines. Nothing for a
// run recorded before the environment was.
void appendEnvironmentSection(ReportDocument& doc, const RunEnvironment& env);

} // namespace crucible::report
