#pragma once

#include "Workload.h"

#include <QStringList>
#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QTreeView;
QT_END_NAMESPACE

namespace crucible::gui {

// The workloads by category, each with a check box, and a filter box above them. Checking a
// category checks all its workloads. The filter hides rows; it never changes what is checked.
class WorkloadTree : public QWidget {
    Q_OBJECT
public:
    explicit WorkloadTree(QWidget* parent = nullptr);

    void setWorkloads(const std::vector<WorkloadInfo>& workloads);
    QStringList checkedIds() const;
    void setCheckedIds(const QStringList& ids);
    void setFilterText(const QString& text);
    int visibleWorkloadCount() const;
    // Marks the workloads being measured now (bold, with a play mark; both sides of a pair),
    // scrolled into view; an empty list clears the mark.
    void setRunning(const QStringList& ids);
    QStringList runningIds() const { return m_running; }

Q_SIGNALS:
    void selectionChanged();
    // A workload row was clicked: show what is known of it.
    void workloadActivated(const QString& id);

private:
    // Keeps a category's box in step with its workloads' boxes, both ways.
    void syncChecks(QStandardItem* changed);

    QStandardItemModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTreeView* m_view;
    QLineEdit* m_filter;
    bool m_syncing = false;
    QStringList m_running;
};

} // namespace crucible::gui
