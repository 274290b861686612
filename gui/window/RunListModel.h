#pragma once

#include "history/HistoryStore.h"

#include <QAbstractTableModel>

#include <vector>

namespace crucible::gui {

// The runs of the history store, one row each, newest first: id, start time, suite, host, git
// commit, how many workloads, and the baselines that point at it. Qt::UserRole holds the raw
// value for sorting (the id, the time), RunIdRole the run's id on every column.
class RunListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Started, Suite, Host, Commit, Workloads, Baselines, ColumnCount };
    static constexpr int kSortRole = Qt::UserRole;
    static constexpr int kRunIdRole = Qt::UserRole + 1;

    explicit RunListModel(QObject* parent = nullptr);

    void setRuns(std::vector<HistoryStore::RunRecord> runs);
    const std::vector<HistoryStore::RunRecord>& runs() const { return m_runs; }
    const HistoryStore::RunRecord* runAt(int row) const;
    int rowOf(qint64 runId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<HistoryStore::RunRecord> m_runs;
};

} // namespace crucible::gui
