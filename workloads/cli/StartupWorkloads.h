#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::cli {

// cli.startup.cold, cli.startup.version, cli.help, cli.list: the light commands, each a fresh
// crucible-bench process from spawn to exit.
void registerStartupWorkloads(WorkloadRegistry& registry);

} // namespace crucible::workloads::cli
