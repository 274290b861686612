#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::cli {

// cli.large_dataset (a command over tens of MiB made in setUp) and cli.config (loading a
// large suite file).
void registerDataWorkloads(WorkloadRegistry& registry);

} // namespace crucible::workloads::cli
