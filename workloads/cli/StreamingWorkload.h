#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::cli {

// cli.streaming: a command's output read through a pipe while it is produced.
void registerStreamingWorkload(WorkloadRegistry& registry);

} // namespace crucible::workloads::cli
