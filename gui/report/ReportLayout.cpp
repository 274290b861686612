#include "ReportLayout.h"

#include "TextWrap.h"

#include <algorithm>

namespace crucible::report {

TableGeometry measureTable(const TableBlock& table, const Typography& type, double width)
{
    const QFontMetricsF header(type.tableFont(true), &type.device());
    const QFontMetricsF cell(type.tableFont(), &type.device());
    const double pad = type.cellPadding();
    const std::size_t columns = table.columns.size();

    TableGeometry g;
    g.columnWidths.assign(columns, 0);
    double fixed = 0;
    int stretches = 0;
    for (std::size_t c = 0; c < columns; ++c) {
        if (table.columns[c].stretch) {
            ++stretches;
            continue;
        }
        double w = header.horizontalAdvance(table.columns[c].title);
        for (const auto& row : table.rows)
            w = std::max(w, QFontMetricsF(type.tableFont(row[c].bold), &type.device()).horizontalAdvance(row[c].text));
        g.columnWidths[c] = w + 2 * pad + 1;
        fixed += g.columnWidths[c];
    }
    // Stretch columns share what is left, but never shrink below a readable minimum; when the
    // fixed columns alone are too wide, all of them give up width in proportion and wrap.
    const double minStretch = type.pt(70) * stretches;
    if (fixed + minStretch > width && fixed > 0) {
        const double shrink = (width - minStretch) / fixed;
        for (std::size_t c = 0; c < columns; ++c)
            if (!table.columns[c].stretch)
                g.columnWidths[c] *= shrink;
        fixed = width - minStretch;
    }
    for (std::size_t c = 0; c < columns; ++c)
        if (table.columns[c].stretch)
            g.columnWidths[c] = (width - fixed) / stretches;

    auto rowHeight = [&](auto textOf, auto boldOf) {
        qsizetype lines = 1;
        for (std::size_t c = 0; c < columns; ++c) {
            const QFontMetricsF m(type.tableFont(boldOf(c)), &type.device());
            lines = std::max(lines, wrapText(textOf(c), m, g.columnWidths[c] - 2 * pad).size());
        }
        return linesHeight(lines, cell) + 2 * pad;
    };
    g.headerHeight = rowHeight([&](std::size_t c) { return table.columns[c].title; }, [](std::size_t) { return true; });
    for (const auto& row : table.rows)
        g.rowHeights.push_back(
            rowHeight([&](std::size_t c) { return row[c].text; }, [&](std::size_t c) { return row[c].bold; }));
    return g;
}

double keyColumnWidth(const KeyValueBlock& block, const Typography& type)
{
    const QFontMetricsF key(type.font(TextRole::Body), &type.device());
    double w = 0;
    for (const auto& [k, v] : block.rows)
        w = std::max(w, key.horizontalAdvance(k));
    return w + type.pt(14);
}

QSizeF chartCellSize(const ChartGridBlock& grid, const Typography& type, double width)
{
    const int perRow = std::max(grid.perRow, 1);
    const double w = (width - type.blockGap() * (perRow - 1)) / perRow;
    return {w, w * grid.aspect};
}

namespace {

class Layouter {
public:
    Layouter(const ReportDocument& document, const Typography& type, const QRectF& body)
        : m_doc(document), m_type(type), m_body(body)
    {
        newPage();
    }

    ReportLayout run()
    {
        for (std::size_t i = 0; i < m_doc.blocks.size(); ++i) {
            m_index = i;
            std::visit([&](const auto& block) { place(block); }, m_doc.blocks[i]);
        }
        return std::move(m_out);
    }

private:
    void newPage()
    {
        m_out.pages.emplace_back();
        m_y = m_body.top();
    }
    bool pageEmpty() const { return m_out.pages.back().items.empty(); }
    double remaining() const { return m_body.bottom() - m_y; }
    void put(double height, int first = 0, int end = 0)
    {
        m_out.pages.back().items.push_back({m_index, QRectF(m_body.left(), m_y, m_body.width(), height), first, end});
        m_y += height;
    }

    double textHeight(const TextBlock& b) const
    {
        const QFontMetricsF m(m_type.font(b.role), &m_type.device());
        return linesHeight(wrapText(b.text, m, m_body.width()).size(), m);
    }

    double keyValueHeight(const KeyValueBlock& b) const
    {
        const QFontMetricsF m(m_type.font(TextRole::Body), &m_type.device());
        const double valueWidth = m_body.width() - keyColumnWidth(b, m_type);
        double h = 0;
        for (const auto& [k, v] : b.rows)
            h += linesHeight(wrapText(v, m, valueWidth).size(), m) + m_type.pt(2);
        return h;
    }

    const TableGeometry& geometry(const TableBlock& t)
    {
        auto it = m_out.tables.find(m_index);
        if (it == m_out.tables.end())
            it = m_out.tables.emplace(m_index, measureTable(t, m_type, m_body.width())).first;
        return it->second;
    }

    // The height of the first piece of block `i` that cannot be split: what a heading must
    // see room for on its page, so that it never ends a page alone.
    double firstPieceHeight(std::size_t i)
    {
        if (i >= m_doc.blocks.size())
            return 0;
        const Block& b = m_doc.blocks[i];
        if (const auto* t = std::get_if<TextBlock>(&b))
            return textHeight(*t);
        if (const auto* kv = std::get_if<KeyValueBlock>(&b))
            return keyValueHeight(*kv);
        if (const auto* table = std::get_if<TableBlock>(&b)) {
            const TableGeometry g = measureTable(*table, m_type, m_body.width());
            return g.headerHeight + (g.rowHeights.empty() ? 0 : g.rowHeights.front());
        }
        if (const auto* grid = std::get_if<ChartGridBlock>(&b))
            return chartCellSize(*grid, m_type, m_body.width()).height();
        return 0;
    }

    void place(const TextBlock& b)
    {
        const double h = textHeight(b);
        const double before = pageEmpty() ? 0 : m_type.spaceBefore(b.role);
        double needed = before + h;
        if (Typography::isHeading(b.role))
            needed += m_type.spaceAfter(b.role) + firstPieceHeight(m_index + 1);
        if (needed > remaining() && !pageEmpty())
            newPage();
        else
            m_y += before;
        put(h);
        m_y += m_type.spaceAfter(b.role);
    }

    void place(const KeyValueBlock& b)
    {
        const double h = keyValueHeight(b);
        if (h > remaining() && !pageEmpty())
            newPage();
        put(h);
        m_y += m_type.blockGap();
    }

    void place(const TableBlock& t)
    {
        const TableGeometry& g = geometry(t);
        const int n = int(t.rows.size());
        int row = 0;
        do {
            if (n > 0 && g.headerHeight + g.rowHeights[std::size_t(row)] > remaining() && !pageEmpty())
                newPage();
            double h = g.headerHeight;
            int end = row;
            while (end < n && h + g.rowHeights[std::size_t(end)] <= remaining())
                h += g.rowHeights[std::size_t(end++)];
            if (end == row && n > 0) // a row taller than a page: it goes alone on its own page
                h += g.rowHeights[std::size_t(end++)];
            put(h, row, end);
            row = end;
            if (row < n)
                newPage();
        } while (row < n);
        m_y += m_type.blockGap();
    }

    void place(const ChartGridBlock& grid)
    {
        const QSizeF cell = chartCellSize(grid, m_type, m_body.width());
        const int n = int(grid.charts.size());
        const int perRow = std::max(grid.perRow, 1);
        for (int first = 0; first < n; first += perRow) {
            if (cell.height() > remaining() && !pageEmpty())
                newPage();
            put(cell.height(), first, std::min(n, first + perRow));
            m_y += m_type.blockGap();
        }
    }

    void place(const PageBreak&)
    {
        if (!pageEmpty())
            newPage();
    }

    const ReportDocument& m_doc;
    const Typography& m_type;
    QRectF m_body;
    ReportLayout m_out;
    std::size_t m_index = 0;
    double m_y = 0;
};

} // namespace

ReportLayout layoutReport(const ReportDocument& document, const Typography& type, const QRectF& body)
{
    return Layouter(document, type, body).run();
}

} // namespace crucible::report
