#pragma once

#include "Result.h"

#include <QDateTime>

#include <optional>
#include <vector>

namespace crucible::gui {

// An earlier result of a workload, drawn behind its live charts and beside its distribution.
struct EarlierRun {
    Result result;
    QString label;     // short, for a box's axis label: "previous run 12", "baseline v1.2", "run 3"
    QDateTime started; // of its run; invalid when not known
    // Measured in a process like this one (the window): resident memory is the whole process's,
    // so a headless run's is smaller by the GUI's and is not drawn against the window's.
    bool memoryCompares = true;

    // The label with when it ran, for a chart's legend.
    QString legendName() const;
};

// What the live charts draw behind the current run: the baseline as a band across the whole
// width (its middle half of samples, and its median), which reads the same whatever the two
// runs' sample counts, and the latest runs as faint lines, oldest first.
struct LiveOverlays {
    std::optional<EarlierRun> baseline;
    std::vector<EarlierRun> recent;
};

} // namespace crucible::gui
