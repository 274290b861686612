#pragma once

#include "ChartLook.h"
#include "Typography.h"

#include <QChart>
#include <QColor>
#include <QRectF>
#include <QString>

#include <functional>
#include <memory>
#include <utility>
#include <variant>
#include <vector>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

// The report as a flow of blocks, independent of pages: the content code says what to show,
// the layout decides where it goes, the painter draws it. Charts are recipes, built only when
// their page is painted, so a long report never holds more than one chart at a time.
namespace crucible::report {

struct TextBlock {
    TextRole role = TextRole::Body;
    QString text;
};

// Label–value lines (the title block's host, CPU, settings …).
struct KeyValueBlock {
    std::vector<std::pair<QString, QString>> rows;
};

struct TableColumn {
    QString title;
    Qt::Alignment alignment = Qt::AlignLeft;
    // A stretch column takes the width the others leave and wraps its text; every other
    // column is as wide as its widest cell.
    bool stretch = false;
};

struct TableCell {
    QString text;
    QColor color = {}; // invalid: the normal ink
    bool bold = false;
};

// Split across pages between rows, with the header row repeated on every page.
struct TableBlock {
    std::vector<TableColumn> columns;
    std::vector<std::vector<TableCell>> rows;
};

using ChartRecipe = std::function<std::unique_ptr<QChart>(const charts::ChartOptions&)>;

// Builds a chart from its recipe and draws it into `target` of `painter`. The painter's default
// (drawChartHere in ReportPainter.h) does it at once, on the calling thread; a report painted on
// a worker thread is given one that does it on the GUI thread (ChartHandOff.h), because Qt
// Charts draw through a QGraphicsScene, which only the GUI thread may create.
using ChartDrawer = std::function<void(const ChartRecipe& recipe, QPainter& painter, const QRectF& target)>;

// Charts in rows of `perRow`, each `aspect` (height / width) of its cell; pages break between rows.
struct ChartGridBlock {
    std::vector<ChartRecipe> charts;
    int perRow = 1;
    double aspect = 0.5;
};

struct PageBreak { };

using Block = std::variant<TextBlock, KeyValueBlock, TableBlock, ChartGridBlock, PageBreak>;

struct ReportDocument {
    QString runningHeader; // top of every page: what this is
    QString runningFooter; // bottom left of every page: where it ran
    std::vector<Block> blocks;
};

} // namespace crucible::report
