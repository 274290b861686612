#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::sys {

// system.sqlite.query: an indexed SELECT through Qt Sql's SQLite driver.
void registerSqliteQueryWorkload(WorkloadRegistry& registry);

} // namespace crucible::workloads::sys
