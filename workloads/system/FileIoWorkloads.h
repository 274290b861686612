#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::sys {

// system.file_io.write and system.file_io.fsync: writing a file of `size` bytes, without and
// with forcing it to the storage device.
void registerFileIoWorkloads(WorkloadRegistry& registry);

} // namespace crucible::workloads::sys
