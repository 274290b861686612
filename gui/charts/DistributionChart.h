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
//
// `styles`, when given, has one entry per result: its box's label and colour instead, for
// boxes that a short id does not tell apart (the same workload in a baseline and in this run).
struct BoxStyle {
    QString label;
    int colorIndex = 0; // ChartLook::seriesColor()
};
std::unique_ptr<QChart> distributionChart(std::span<const Result* const> results, const ChartOptions& options,
                                          std::span<const BoxStyle> styles = {});

} // namespace crucible::charts
