#pragma once

#include "ChartLook.h"
#include "Result.h"

#include <QChart>

#include <memory>
#include <span>

namespace crucible::charts {

// Resident memory (RSS) after each sample over the course of the run: the workloads one after
// another in run order, each its own colour, so that growth within a workload (a leak, a cache
// filling) and across workloads (memory never given back) both show. In-process workloads
// share the process's RSS, so overlaying them on a common sample axis would hide all but the
// last. A legend names the workloads (short ids) when there is more than one; workloads
// without samples are left out.
std::unique_ptr<QChart> memoryChart(std::span<const Result* const> results, const ChartOptions& options);

} // namespace crucible::charts
