#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::cli {

// cli.command (a complete small headless run) and cli.batch (commands back to back).
void registerRunWorkloads(WorkloadRegistry& registry);

} // namespace crucible::workloads::cli
