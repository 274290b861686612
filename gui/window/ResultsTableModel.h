#pragma once

#include "Result.h"

#include <QAbstractTableModel>

#include <vector>

namespace crucible::gui {

// One row per workload result: statistics, memory and the change against the baseline with a
// coloured verdict. Display text is formatted; Qt::UserRole holds the raw number so that a
// QSortFilterProxyModel sorts 2 µs after 900 ns.
class ResultsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Workload, Category, Status, Median, Mean, Ci95, Cv, PeakRss, Change, Verdict, ColumnCount };
    static constexpr int kSortRole = Qt::UserRole;

    explicit ResultsTableModel(QObject* parent = nullptr);

    void setResults(std::vector<Result> results);
    // Adds one result, or replaces the row of the same id.
    void upsert(const Result& result);
    void clear();
    const Result* resultAt(int row) const;
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Result& r, int column) const;
    QVariant sortValue(const Result& r, int column) const;

    std::vector<Result> m_results;
};

} // namespace crucible::gui
