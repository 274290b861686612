#include "SystemWorkloads.h"

#include "BinarySizeWorkload.h"
#include "CleanupWorkload.h"
#include "CompileWorkload.h"
#include "CpuUtilizationWorkload.h"
#include "FileIoWorkloads.h"
#include "HashWorkload.h"
#include "LoopbackWorkload.h"
#include "MemoryFootprintWorkloads.h"
#include "SqliteQueryWorkload.h"

namespace crucible::workloads {

void registerSystemWorkloads(WorkloadRegistry& registry)
{
    sys::registerCompileWorkload(registry);          // system.compile
    sys::registerBinarySizeWorkload(registry);       // system.binary_size (bytes)
    sys::registerMemoryFootprintWorkloads(registry); // system.memory_footprint.start/.steady/.peak (bytes)
    sys::registerCpuUtilizationWorkload(registry);   // system.cpu_utilization
    sys::registerFileIoWorkloads(registry);          // system.file_io.write / .fsync
    sys::registerSqliteQueryWorkload(registry);      // system.sqlite.query
    sys::registerLoopbackWorkload(registry);         // system.loopback
    sys::registerCleanupWorkload(registry);          // system.cleanup
    sys::registerHashWorkload(registry);             // system.hash
}

} // namespace crucible::workloads
