#pragma once

#include "ChartLook.h"
#include "PairRatios.h"
#include "Result.h"

#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
class QLabel;
class QScrollArea;
class QTableWidget;
class QTimer;
QT_END_NAMESPACE

namespace crucible::charts {
class ChartHost;
}

namespace crucible::gui {

// What the shown run says about its pairs and its suite's gates: the architecture pairs as
// ratios (new / old) with 95% confidence whiskers, the budgets each passed, failed or skipped
// with the value measured against the limit, and the claims with their measured improvement,
// its 95% interval and the verdict. Everything shown is computed before (ShownVerdicts.h, off the
// GUI thread); this only draws it.
class ComparisonView : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonView(QWidget* parent = nullptr);

    void setLook(const charts::ChartLook& look);
    void showVerdicts(std::vector<PairRatio> pairs, std::vector<BudgetOutcome> budgets,
                      std::vector<ClaimOutcome> claims);
    // While the verdicts of a new run are being computed.
    void showPending(const QString& message);

    charts::ChartHost* ratioHost() const { return m_ratios; }
    QTableWidget* budgetTable() const { return m_budgets; }
    QTableWidget* claimTable() const { return m_claims; }
    QScrollArea* gatesPane() const { return m_gatesPane; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void drawRatios();
    void redraw();
    void fillBudgets();
    void fillClaims();

    charts::ChartHost* m_ratios;
    QLabel* m_budgetTitle;
    QTableWidget* m_budgets;
    QLabel* m_claimTitle;
    QTableWidget* m_claims;
    QScrollArea* m_gatesPane = nullptr;
    QTimer* m_redraw; // a resize redraws the chart once it settles
    charts::ChartLook m_look;
    std::vector<PairRatio> m_pairs;
    std::vector<BudgetOutcome> m_budgetOutcomes;
    std::vector<ClaimOutcome> m_claimOutcomes;
};

} // namespace crucible::gui
