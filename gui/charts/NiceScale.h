#pragma once

#include <QString>

namespace crucible::charts {

// An axis range widened to round numbers, with the tick count that puts a tick on each, as
// QValueAxis::applyNiceNumbers() does, but computed without touching an axis, so that a live
// chart can tell whether its range really changed before it asks Qt Charts to lay the chart
// out again. The step is 1, 2 or 5 times a power of ten.
struct NiceScale {
    double min = 0;
    double max = 1;
    int tickCount = 5;

    bool operator==(const NiceScale&) const = default;
};

// `min` < `max`; `ticks` is the tick count wished for (at least 2).
NiceScale niceScale(double min, double max, int ticks = 5);

// A printf format for the scale's tick labels with as many decimals as its step needs: "5",
// not "5.0"; "0.25" rather than "0.3".
QString tickLabelFormat(const NiceScale& scale);

} // namespace crucible::charts
