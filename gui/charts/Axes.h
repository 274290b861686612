#pragma once

#include "ChartLook.h"
#include "TimeScale.h"

#include <QStringList>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QBarCategoryAxis;
class QChart;
class QLogValueAxis;
class QValueAxis;
QT_END_NAMESPACE

namespace crucible::charts {

// The decade at or below / above `v` (> 0), for the ends of a log axis.
double decadeFloor(double v);
double decadeCeil(double v);

// A base-10 log axis from the decade at or below `lo` to the one at or above `hi`, with minor
// ticks between: the one way the builders draw values spanning orders of magnitude.
QLogValueAxis* makeDecadeLogAxis(double lo, double hi);

// A vertical axis for times in ns spanning minNs…maxNs: logarithmic when the span is wide,
// labelled in the unit that keeps the numbers short ("time per iteration (µs)"). Series on it
// must be divided by `scale`'s nsPerUnit. Added to `chart` on the left.
QAbstractAxis* addTimeAxis(QChart& chart, double minNs, double maxNs, const QString& what, const ChartLook& look,
                           TimeScale* scale);

// A plain value axis (sample index, MiB …) added to `chart` at `alignment`.
QValueAxis* addValueAxis(QChart& chart, Qt::Alignment alignment, const QString& title, const QString& labelFormat,
                         const ChartLook& look);

// Category labels under box plots (added to `chart` at the bottom).
QBarCategoryAxis* addCategoryAxis(QChart& chart, const QStringList& labels, const ChartLook& look);

// Slants the labels of `axis` so that Qt Charts need not cut them to "...": lays `chart` out at
// the size it will be drawn (options.widthPx × heightPx) with each angle in turn, flattest
// first, and keeps the first that shows every label whole, else the one that shows most. Call
// it last, when every series and axis is in place. Qt's own rules for the room a label gets
// are internal, so the chart is asked rather than second-guessed.
void fitCategoryLabels(QChart& chart, QBarCategoryAxis& axis, const ChartOptions& options);

} // namespace crucible::charts
