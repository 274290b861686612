#include "CliWorkloads.h"

#include "DataWorkloads.h"
#include "RunWorkloads.h"
#include "StartupWorkloads.h"
#include "StreamingWorkload.h"

namespace crucible::workloads {

void registerCliWorkloads(WorkloadRegistry& registry)
{
    cli::registerStartupWorkloads(registry);  // cli.startup.cold, cli.startup.version, cli.help, cli.list
    cli::registerRunWorkloads(registry);      // cli.command, cli.batch
    cli::registerDataWorkloads(registry);     // cli.large_dataset, cli.config
    cli::registerStreamingWorkload(registry); // cli.streaming
}

} // namespace crucible::workloads
