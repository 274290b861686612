#include "ComparisonView.h"

#include "ChartHost.h"
#include "RatioChart.h"
#include "VerdictPalette.h"
#include "export/TextReports.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace crucible::gui {

namespace {

// The verdict palette's colours, so that a budget or claim reads like the results table's verdicts.
const QColor kBad = failureColor();
const QColor kGood = verdictColor(ChangeVerdict::Improved);
const QColor kUnsure = verdictColor(ChangeVerdict::Inconclusive);

QTableWidget* makeTable(const QStringList& headers, const QString& objectName)
{
    auto* t = new QTableWidget(0, int(headers.size()));
    t->setObjectName(objectName);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8); // compact rows
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setAlternatingRowColors(true);
    // The last column holds the notes: it takes the width left and its text wraps, never cut
    // (fitToRows sizes the others).
    t->horizontalHeader()->setSectionResizeMode(int(headers.size()) - 1, QHeaderView::Stretch);
    t->setWordWrap(true);
    t->setTextElideMode(Qt::ElideNone);
    // Every row shows: the table is as tall as its rows, and the pane around it scrolls.
    t->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    t->setSizeAdjustPolicy(QAbstractScrollArea::AdjustIgnored);
    return t;
}

// Columns as wide as their text up to a fifth of the table each, wrapping beyond that, so
// that the notes keep the width left; rows as tall as their wrapped text, and the table as
// tall as its rows.
void fitToRows(QTableWidget* t)
{
    QHeaderView* header = t->horizontalHeader();
    const int cap = std::max(110, t->viewport()->width() / 5);
    for (int c = 0; c + 1 < t->columnCount(); ++c) {
        header->setSectionResizeMode(c, QHeaderView::Interactive);
        t->resizeColumnToContents(c);
        header->resizeSection(c, std::min(header->sectionSize(c), cap));
    }
    t->resizeRowsToContents();
    const int scrollBar = t->horizontalScrollBar()->isVisible() ? t->horizontalScrollBar()->height() : 0;
    t->setFixedHeight(t->horizontalHeader()->height() + t->verticalHeader()->length() + 2 * t->frameWidth()
                      + scrollBar);
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    item->setToolTip(text);
    return item;
}

QTableWidgetItem* verdictCell(const QString& text, const QColor& color)
{
    QTableWidgetItem* item = cell(text);
    if (color.isValid()) {
        item->setForeground(color);
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
    }
    return item;
}

QString percent(double v)
{
    return QStringLiteral("%1%").arg(v, 0, 'f', 1);
}

constexpr Qt::Alignment kNumber = Qt::AlignRight | Qt::AlignVCenter;

} // namespace

ComparisonView::ComparisonView(QWidget* parent)
    : QWidget(parent), m_ratios(new charts::ChartHost), m_budgetTitle(new QLabel), m_budgets(nullptr),
      m_claimTitle(new QLabel), m_claims(nullptr), m_redraw(new QTimer(this))
{
    // The verdict next to the name, where it is seen without scrolling; the long parts last.
    m_budgets = makeTable({tr("Workload"), tr("Metric"), tr("Measured"), tr("Limit"), tr("Result"), tr("Note")},
                          QStringLiteral("budgetTable"));
    m_claims = makeTable({tr("Claim"), tr("Verdict"), tr("Measured"), tr("95% CI"), tr("Expected"),
                          tr("Baseline → candidate"), tr("Note")},
                         QStringLiteral("claimTable"));
    auto* gates = new QWidget;
    auto* gatesLayout = new QVBoxLayout(gates);
    gatesLayout->setContentsMargins(0, 0, 0, 0);
    gatesLayout->addWidget(m_claimTitle);
    gatesLayout->addWidget(m_claims);
    gatesLayout->addWidget(m_budgetTitle);
    gatesLayout->addWidget(m_budgets);
    gatesLayout->addStretch();
    // The tables show all their rows; the pane holding both scrolls instead.
    m_gatesPane = new QScrollArea;
    m_gatesPane->setObjectName(QStringLiteral("gatesPane"));
    m_gatesPane->setWidgetResizable(true);
    m_gatesPane->setFrameShape(QFrame::NoFrame);
    m_gatesPane->setWidget(gates);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_ratios);
    splitter->addWidget(m_gatesPane);
    splitter->setSizes({550, 450});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    m_redraw->setSingleShot(true);
    m_redraw->setInterval(150);
    connect(m_redraw, &QTimer::timeout, this, &ComparisonView::redraw);
    showVerdicts({}, {}, {});
}

void ComparisonView::setLook(const charts::ChartLook& look)
{
    m_look = look;
    drawRatios();
}

void ComparisonView::showVerdicts(std::vector<PairRatio> pairs, std::vector<BudgetOutcome> budgets,
                                  std::vector<ClaimOutcome> claims)
{
    m_pairs = std::move(pairs);
    m_budgetOutcomes = std::move(budgets);
    m_claimOutcomes = std::move(claims);
    drawRatios();
    fillBudgets();
    fillClaims();
}

void ComparisonView::showPending(const QString& message)
{
    m_pairs.clear();
    m_ratios->showMessage(message);
}

void ComparisonView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_redraw->start(); // the category labels are fitted to the chart's width, the notes wrapped to the tables'
}

void ComparisonView::redraw()
{
    if (!m_pairs.empty())
        drawRatios();
    fitToRows(m_budgets);
    fitToRows(m_claims);
}

void ComparisonView::drawRatios()
{
    if (m_pairs.empty()) {
        m_ratios->showMessage(tr("Run the architecture pairs to compare the old way with the new."));
        return;
    }
    charts::ChartOptions options;
    options.look = m_look;
    options.widthPx = std::max(400, m_ratios->width());
    options.heightPx = std::max(250, m_ratios->height());
    m_ratios->setChart(charts::ratioChart(m_pairs, options));
}

void ComparisonView::fillBudgets()
{
    int counts[3] = {};
    m_budgets->setRowCount(0);
    // Failed first, skipped last: what needs a look comes first.
    std::vector<const BudgetOutcome*> ordered;
    for (const BudgetOutcome& b : m_budgetOutcomes)
        ordered.push_back(&b);
    auto rank = [](const BudgetOutcome* b) {
        return b->status == BudgetStatus::Failed ? 0 : b->status == BudgetStatus::Passed ? 1 : 2;
    };
    std::stable_sort(ordered.begin(), ordered.end(), [&](auto* a, auto* b) { return rank(a) < rank(b); });
    for (const BudgetOutcome* outcome : ordered) {
        const BudgetOutcome& b = *outcome;
        const int row = m_budgets->rowCount();
        m_budgets->insertRow(row);
        const QColor color = b.status == BudgetStatus::Failed ? kBad
            : b.status == BudgetStatus::Passed                ? kGood
                                                              : QColor();
        ++counts[b.status == BudgetStatus::Passed ? 0 : b.status == BudgetStatus::Failed ? 1 : 2];
        m_budgets->setItem(row, 0, cell(b.workload));
        m_budgets->setItem(row, 1, cell(b.metric));
        m_budgets->setItem(row, 2,
                           cell(b.measured ? formatBudgetValue(b.metric, *b.measured) : QStringLiteral("–"), kNumber));
        m_budgets->setItem(row, 3, cell(formatBudgetLimit(b), kNumber));
        m_budgets->setItem(row, 4, verdictCell(budgetStatusName(b.status), color));
        m_budgets->setItem(row, 5, cell(b.note));
    }
    m_budgetTitle->setText(
        m_budgetOutcomes.empty()
            ? tr("<b>Budgets</b>: the suite sets none (or no run is shown).")
            : tr("<b>Budgets</b>: %1 passed, %2 failed, %3 skipped").arg(counts[0]).arg(counts[1]).arg(counts[2]));
    m_budgets->setVisible(!m_budgetOutcomes.empty());
    fitToRows(m_budgets);
}

void ComparisonView::fillClaims()
{
    m_claims->setRowCount(0);
    for (const ClaimOutcome& c : m_claimOutcomes) {
        const int row = m_claims->rowCount();
        m_claims->insertRow(row);
        const QColor color = c.verdict == ClaimVerdict::Confirmed                     ? kGood
            : c.verdict == ClaimVerdict::Refuted || c.verdict == ClaimVerdict::Failed ? kBad
            : c.verdict == ClaimVerdict::Inconclusive                                 ? kUnsure
                                                                                      : QColor();
        m_claims->setItem(row, 0, cell(c.name));
        m_claims->setItem(row, 1, verdictCell(claimVerdictName(c.verdict), color));
        m_claims->setItem(row, 2, cell(c.improvementPct ? percent(*c.improvementPct) : QStringLiteral("–"), kNumber));
        m_claims->setItem(row, 3,
                          cell(c.improvementPct
                                   ? QStringLiteral("%1 … %2").arg(percent(c.ci95Pct.low), percent(c.ci95Pct.high))
                                   : QStringLiteral("–"),
                               kNumber));
        m_claims->setItem(row, 4,
                          cell(QStringLiteral("%1% ± %2%").arg(c.expectedImprovementPct).arg(c.tolerancePct), kNumber));
        m_claims->setItem(row, 5, cell(QStringLiteral("%1 → %2").arg(c.baseline, c.candidate)));
        m_claims->setItem(row, 6, cell(c.note));
    }
    m_claimTitle->setText(m_claimOutcomes.empty()
                              ? tr("<b>Claims</b>: the suite makes none (or no run is shown).")
                              : tr("<b>Claims</b>: improvement = 1 − candidate / baseline on the medians, with a "
                                   "bootstrap 95% interval"));
    m_claims->setVisible(!m_claimOutcomes.empty());
    fitToRows(m_claims);
}

} // namespace crucible::gui
