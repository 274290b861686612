#pragma once

#include <QString>

#include <span>

namespace crucible::charts {

// The unit a time axis is labelled in: values in ns are divided by nsPerUnit so that tick
// labels read 1…1000 rather than 0.000012 or 12000000 (the units of formatDuration()).
struct TimeScale {
    double nsPerUnit = 1;
    QString unit = QStringLiteral("ns");

    double fromNs(double ns) const { return ns / nsPerUnit; }
};

// The unit for values around `typicalNs`.
TimeScale timeScaleFor(double typicalNs);

// The unit for a set of values spanning `minNs`…`maxNs`: on a log axis the geometric middle,
// else the largest value (so that the top label is a short number).
TimeScale timeScaleForRange(double minNs, double maxNs, bool logarithmic);

// Whether values spanning minValue…maxValue need a log axis to show the small ones at all.
bool wantsLogAxis(double minValue, double maxValue);

} // namespace crucible::charts
