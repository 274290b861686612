#pragma once

#include "ChartLook.h"
#include "EarlierRun.h"
#include "Result.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

namespace crucible::charts {
class ChartHost;
}

namespace crucible::gui {

class EmptyState;
class ResultsTableModel;

// The results of the shown run as a sortable, filterable table; choosing a row shows that
// workload's distribution (beside its baseline's, when there is one) and its samples in order
// below the table.
class ResultsView : public QWidget {
    Q_OBJECT
public:
    explicit ResultsView(QWidget* parent = nullptr);

    void setLook(const charts::ChartLook& look);
    // What the view says in place of the empty table until a run has results.
    void setEmptyHint(const QString& hint);
    EmptyState* emptyState() const { return m_empty; }
    // A line above the table about its Change and Verdict columns (empty hides it): on the first
    // run of a suite, that there is nothing to compare with yet and how to keep a baseline.
    void setComparisonHint(const QString& hint);
    QLabel* comparisonHint() const { return m_comparisonHint; }
    void setResults(std::vector<Result> results);
    void upsert(const Result& result);
    void selectWorkload(const QString& id);
    QString selectedId() const;
    // What workload `id`'s distribution is drawn beside, as it compared (none: alone). Earlier
    // results come from the history after the row is chosen, so this may come late.
    void setReference(const QString& id, const std::optional<EarlierRun>& reference);

    ResultsTableModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    charts::ChartHost* distributionHost() const { return m_distribution; }

Q_SIGNALS:
    void workloadSelected(const QString& id);

private:
    void showDetails();
    void showHintWhenEmpty();

    ResultsTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QLabel* m_comparisonHint;
    QTableView* m_table;
    charts::ChartHost* m_distribution;
    charts::ChartHost* m_samples;
    EmptyState* m_empty = nullptr;
    charts::ChartLook m_look;
    QString m_referenceId;
    std::optional<EarlierRun> m_reference;
};

} // namespace crucible::gui
