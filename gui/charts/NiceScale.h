#pragma once

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

} // namespace crucible::charts
