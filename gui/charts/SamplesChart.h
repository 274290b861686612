#pragma once

#include "ChartLook.h"
#include "Result.h"

#include <QChart>

#include <memory>

namespace crucible::charts {

// Time per iteration of each sample in the order it was taken, with the median as a dashed
// line: warm-up effects, drift and periodic noise show here, not in a distribution. Titled
// with the workload's short id and median.
std::unique_ptr<QChart> samplesOverTimeChart(const Result& result, const ChartOptions& options);

} // namespace crucible::charts
