#pragma once

#include "ChartLook.h"
#include "Result.h"

#include <QChart>

#include <memory>
#include <span>

namespace crucible::charts {

// The distribution of time per iteration of each workload, side by side: a Tukey box plot
// (box = quartiles, whiskers = the furthest samples within 1.5 IQR) with the samples beyond
// the whiskers drawn as dots, because outliers are reported, never dropped. Workloads that
// failed or have no samples are left out. Labels are short ids: the caller names the category.
std::unique_ptr<QChart> distributionChart(std::span<const Result* const> results, const ChartOptions& options);

} // namespace crucible::charts
