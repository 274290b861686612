#pragma once

#include "ReportBlocks.h"

#include <QRectF>

#include <map>
#include <vector>

namespace crucible::report {

// Column widths and row heights of a table, measured once and used by layout and painter.
struct TableGeometry {
    std::vector<double> columnWidths;
    double headerHeight = 0;
    std::vector<double> rowHeights;
};

// One piece of a block on one page: for a table rows [first, end) under its header, for a
// chart grid charts [first, end), otherwise the whole block.
struct Placement {
    std::size_t block = 0;
    QRectF rect;
    int first = 0;
    int end = 0;
};

struct Page {
    std::vector<Placement> items;
};

struct ReportLayout {
    std::vector<Page> pages;
    std::map<std::size_t, TableGeometry> tables;
};

// Flows the blocks into pages of `body` (device units): headings stay with what follows them,
// tables break between rows and charts between grid rows. The page count is known before a
// single page is painted, so every footer can say "page i of n".
ReportLayout layoutReport(const ReportDocument& document, const Typography& type, const QRectF& body);

// Measuring shared with the painter.
TableGeometry measureTable(const TableBlock& table, const Typography& type, double width);
double keyColumnWidth(const KeyValueBlock& block, const Typography& type);
QSizeF chartCellSize(const ChartGridBlock& grid, const Typography& type, double width);

} // namespace crucible::report
