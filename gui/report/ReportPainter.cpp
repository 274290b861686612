#include "ReportPainter.h"

#include "ChartPainter.h"
#include "TextWrap.h"

#include <QPainter>

namespace crucible::report {

namespace {

void drawLines(QPainter& p, const QStringList& lines, const QRectF& rect, Qt::Alignment alignment)
{
    const QFontMetricsF m(p.font(), p.device());
    double y = rect.top() + m.ascent();
    for (const QString& line : lines) {
        double x = rect.left();
        if (alignment & Qt::AlignRight)
            x = rect.right() - m.horizontalAdvance(line);
        else if (alignment & Qt::AlignHCenter)
            x = rect.center().x() - m.horizontalAdvance(line) / 2;
        p.drawText(QPointF(x, y), line);
        y += m.lineSpacing();
    }
}

class BlockPainter {
public:
    BlockPainter(QPainter& painter, const ReportLayout& layout, const Typography& type, const ChartDrawer& drawChart)
        : p(painter), m_layout(layout), m_type(type), m_drawChart(drawChart ? drawChart : ChartDrawer(drawChartHere))
    { }

    void paint(const TextBlock& b, const Placement& at)
    {
        p.setFont(m_type.font(b.role));
        p.setPen(m_type.color(b.role));
        drawLines(p, wrapText(b.text, QFontMetricsF(p.font(), p.device()), at.rect.width()), at.rect, Qt::AlignLeft);
        if (b.role == TextRole::Heading) {
            // A hairline under section headings: the eye finds sections when leafing through.
            p.setPen(QPen(Typography::rule(), m_type.pt(0.6)));
            const double y = at.rect.bottom() + m_type.pt(2);
            p.drawLine(QPointF(at.rect.left(), y), QPointF(at.rect.right(), y));
        }
    }

    void paint(const KeyValueBlock& b, const Placement& at)
    {
        const double keyWidth = keyColumnWidth(b, m_type);
        const QFont valueFont = m_type.font(TextRole::Body);
        QFont keyFont = valueFont;
        keyFont.setBold(true);
        const QFontMetricsF m(valueFont, p.device());
        double y = at.rect.top();
        for (const auto& [key, value] : b.rows) {
            const QStringList lines = wrapText(value, m, at.rect.width() - keyWidth);
            p.setFont(keyFont);
            p.setPen(Typography::muted());
            drawLines(p, {key}, QRectF(at.rect.left(), y, keyWidth, m.height()), Qt::AlignLeft);
            p.setFont(valueFont);
            p.setPen(Typography::ink());
            drawLines(p, lines, QRectF(at.rect.left() + keyWidth, y, at.rect.width() - keyWidth, at.rect.height()),
                      Qt::AlignLeft);
            y += linesHeight(lines.size(), m) + m_type.pt(2);
        }
    }

    void paint(const TableBlock& t, const Placement& at)
    {
        const TableGeometry& g = m_layout.tables.at(at.block);
        double y = at.rect.top();
        p.fillRect(QRectF(at.rect.left(), y, at.rect.width(), g.headerHeight), Typography::headerFill());
        row(t.columns, g, at.rect.left(), y, g.headerHeight, [&](std::size_t c) {
            return TableCell{t.columns[c].title, {}, true};
        });
        y += g.headerHeight;
        for (int r = at.first; r < at.end; ++r) {
            const double h = g.rowHeights[std::size_t(r)];
            if (r % 2 == 1)
                p.fillRect(QRectF(at.rect.left(), y, at.rect.width(), h), Typography::stripe());
            row(t.columns, g, at.rect.left(), y, h, [&](std::size_t c) { return t.rows[std::size_t(r)][c]; });
            y += h;
        }
        p.setPen(QPen(Typography::rule(), m_type.pt(0.5)));
        p.drawLine(QPointF(at.rect.left(), y), QPointF(at.rect.right(), y));
    }

    void paint(const ChartGridBlock& grid, const Placement& at)
    {
        const QSizeF cell = chartCellSize(grid, m_type, at.rect.width());
        for (int i = at.first; i < at.end; ++i) {
            const int column = i - at.first;
            const QRectF target(at.rect.left() + column * (cell.width() + m_type.blockGap()), at.rect.top(),
                                cell.width(), cell.height());
            m_drawChart(grid.charts[std::size_t(i)], p, target);
            p.setPen(QPen(Typography::rule(), m_type.pt(0.5)));
            p.setBrush(Qt::NoBrush);
            p.drawRect(target);
        }
    }

    void paint(const PageBreak&, const Placement&) { }

private:
    template <typename CellOf>
    void row(const std::vector<TableColumn>& columns, const TableGeometry& g, double left, double y, double h,
             CellOf cellOf)
    {
        const double pad = m_type.cellPadding();
        double x = 0;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const TableCell cell = cellOf(c);
            p.setFont(m_type.tableFont(cell.bold));
            p.setPen(cell.color.isValid() ? cell.color : Typography::ink());
            const double w = g.columnWidths[c];
            const QRectF box(left + x + pad, y + pad, w - 2 * pad, h - 2 * pad);
            drawLines(p, wrapText(cell.text, QFontMetricsF(p.font(), p.device()), box.width()), box,
                      columns[c].alignment);
            x += w;
        }
    }

    QPainter& p;
    const ReportLayout& m_layout;
    const Typography& m_type;
    ChartDrawer m_drawChart;
};

} // namespace

void drawChartHere(const ChartRecipe& recipe, QPainter& painter, const QRectF& target)
{
    charts::ChartOptions options;
    const QSizeF scene = charts::chartSceneSize(*painter.device(), target.size());
    options.widthPx = int(scene.width());
    options.heightPx = int(scene.height());
    const std::unique_ptr<QChart> chart = recipe(options);
    charts::paintChart(*chart, painter, target);
}

PageFrame pageFrame(const QRectF& paintRect, const Typography& type)
{
    const QFontMetricsF band(type.pageBandFont(), &type.device());
    const double bandHeight = band.height() + type.pt(8);
    return {paintRect, paintRect.adjusted(0, bandHeight, 0, -bandHeight)};
}

void paintPage(QPainter& painter, const ReportDocument& document, const ReportLayout& layout, std::size_t index,
               const Typography& type, const PageFrame& frame, const ChartDrawer& drawChart)
{
    const QFontMetricsF band(type.pageBandFont(), &type.device());
    painter.setFont(type.pageBandFont());
    painter.setPen(Typography::muted());
    const QRectF top(frame.paper.left(), frame.paper.top(), frame.paper.width(), band.height());
    drawLines(painter, {document.runningHeader}, top, Qt::AlignLeft);
    painter.setPen(QPen(Typography::rule(), type.pt(0.5)));
    const double ruleY = top.bottom() + type.pt(3);
    painter.drawLine(QPointF(frame.paper.left(), ruleY), QPointF(frame.paper.right(), ruleY));

    painter.setPen(Typography::muted());
    const QRectF bottom(frame.paper.left(), frame.paper.bottom() - band.height(), frame.paper.width(), band.height());
    drawLines(painter, {document.runningFooter}, bottom, Qt::AlignLeft);
    drawLines(painter, {QStringLiteral("page %1 of %2").arg(index + 1).arg(layout.pages.size())}, bottom,
              Qt::AlignRight);

    BlockPainter blocks(painter, layout, type, drawChart);
    for (const Placement& at : layout.pages[index].items) {
        std::visit([&](const auto& block) { blocks.paint(block, at); }, document.blocks[at.block]);
    }
}

} // namespace crucible::report
