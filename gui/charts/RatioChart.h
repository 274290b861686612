#pragma once

#include "ChartLook.h"
#include "PairRatios.h"

#include <QChart>

#include <memory>
#include <span>

namespace crucible::charts {

// Architecture pairs as ratios: median(new) / median(old) for each pair with its 95% bootstrap
// interval as a whisker, and a dashed line at 1 (no change). Below the line the new way is
// faster. Labels are the pairs' short names.
std::unique_ptr<QChart> ratioChart(std::span<const PairRatio> pairs, const ChartOptions& options);

} // namespace crucible::charts
