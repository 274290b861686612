#pragma once

#include "ChartLook.h"
#include "Result.h"

#include <QChart>

#include <memory>

namespace crucible::charts {

// The machine-speed reference over a run (RunInfo::reference): each measurement of the fixed
// kernel at its time in the run, as a percentage of the run's median, with the rounds'
// boundaries visible as the points' spacing. A slow phase of the machine shows as a stretch
// above 100%: the workloads measured then were slowed by the machine, not by their own code.
std::unique_ptr<QChart> machineSpeedChart(const RunInfo& info, const ChartOptions& options);

} // namespace crucible::charts
