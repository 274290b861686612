#pragma once

#include "ReportLayout.h"

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace crucible::report {

// Where a page's parts go, in device units: the body the blocks flow in, and the bands above
// and below it for the running header and the page number.
struct PageFrame {
    QRectF paper; // the printable area (the page's paint rect)
    QRectF body;
};
PageFrame pageFrame(const QRectF& paintRect, const Typography& type);

// Paints page `index` of `layout`: running header, the blocks placed on it, "page i of n".
// Charts are built from their recipes by `drawChart` (drawChartHere when empty), drawn, and
// destroyed before the next one.
void paintPage(QPainter& painter, const ReportDocument& document, const ReportLayout& layout, std::size_t index,
               const Typography& type, const PageFrame& frame, const ChartDrawer& drawChart = {});

// Builds the chart at the size `target` needs on `painter`'s device and draws it there, on the
// calling thread (which must be the GUI thread).
void drawChartHere(const ChartRecipe& recipe, QPainter& painter, const QRectF& target);

} // namespace crucible::report
