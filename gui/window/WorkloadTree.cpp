#include "WorkloadTree.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

#include <map>

namespace crucible::gui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
} // namespace

WorkloadTree::WorkloadTree(QWidget* parent)
    : QWidget(parent), m_model(new QStandardItemModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTreeView(this)), m_filter(new QLineEdit(this))
{
    m_filter->setPlaceholderText(tr("Filter workloads"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("workloadFilter"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true); // a matching workload keeps its category shown
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(0);
    m_proxy->setFilterRole(kIdRole);
    m_view->setModel(m_proxy);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setObjectName(QStringLiteral("workloadTree"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);

    connect(m_filter, &QLineEdit::textChanged, this, &WorkloadTree::setFilterText);
    connect(m_model, &QStandardItemModel::itemChanged, this, &WorkloadTree::syncChecks);
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex& index) {
        const QString id = index.data(kIdRole).toString();
        if (!id.isEmpty() && !m_model->itemFromIndex(m_proxy->mapToSource(index))->hasChildren())
            Q_EMIT workloadActivated(id);
    });
}

void WorkloadTree::setWorkloads(const std::vector<WorkloadInfo>& workloads)
{
    m_model->clear();
    std::map<QString, QStandardItem*> categories;
    for (const WorkloadInfo& w : workloads) {
        const QString category = categoryName(w.category);
        QStandardItem*& parent = categories[category];
        if (!parent) {
            parent = new QStandardItem(category);
            parent->setCheckable(true);
            parent->setUserTristate(false); // a click sets all or none; partial comes from children
            parent->setEditable(false);
            parent->setData(category, kIdRole);
            m_model->appendRow(parent);
        }
        // The id without its category, which the parent row names; a suite's own ids ("mylib",
        // an external command's) may not start with it.
        const QString prefix = category + QLatin1Char('.');
        auto* item = new QStandardItem(w.id.startsWith(prefix) ? w.id.mid(prefix.size()) : w.id);
        item->setData(w.id, kIdRole);
        item->setToolTip(QStringLiteral("%1\n%2").arg(w.id, w.description));
        item->setCheckable(true);
        item->setCheckState(Qt::Checked);
        item->setEditable(false);
        parent->appendRow(item);
    }
    m_view->expandAll();
    for (const auto& [name, category] : categories)
        syncChecks(category->child(0));
}

void WorkloadTree::syncChecks(QStandardItem* changed)
{
    if (m_syncing || !changed || !changed->isCheckable())
        return;
    m_syncing = true; // the updates below come back through itemChanged
    if (changed->hasChildren()) {
        // A category was clicked: apply its state to all of its workloads.
        const Qt::CheckState state = changed->checkState() == Qt::Unchecked ? Qt::Unchecked : Qt::Checked;
        for (int r = 0; r < changed->rowCount(); ++r)
            changed->child(r)->setCheckState(state);
        changed->setCheckState(state);
    } else if (QStandardItem* category = changed->parent()) {
        int checked = 0;
        for (int r = 0; r < category->rowCount(); ++r)
            checked += category->child(r)->checkState() == Qt::Checked;
        category->setCheckState(checked == 0                          ? Qt::Unchecked
                                    : checked == category->rowCount() ? Qt::Checked
                                                                      : Qt::PartiallyChecked);
    }
    m_syncing = false;
    Q_EMIT selectionChanged();
}

QStringList WorkloadTree::checkedIds() const
{
    QStringList ids;
    for (int c = 0; c < m_model->rowCount(); ++c) {
        const QStandardItem* category = m_model->item(c);
        for (int r = 0; r < category->rowCount(); ++r)
            if (category->child(r)->checkState() == Qt::Checked)
                ids << category->child(r)->data(kIdRole).toString();
    }
    return ids;
}

void WorkloadTree::setCheckedIds(const QStringList& ids)
{
    for (int c = 0; c < m_model->rowCount(); ++c) {
        QStandardItem* category = m_model->item(c);
        for (int r = 0; r < category->rowCount(); ++r)
            category->child(r)->setCheckState(
                ids.contains(category->child(r)->data(kIdRole).toString()) ? Qt::Checked : Qt::Unchecked);
        if (category->hasChildren())
            syncChecks(category->child(0));
    }
}

void WorkloadTree::setFilterText(const QString& text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    m_proxy->setFilterFixedString(text);
    m_view->expandAll();
}

void WorkloadTree::setRunning(const QStringList& ids)
{
    if (ids == m_running)
        return;
    m_running = ids;
    m_syncing = true; // a font or icon change comes back through itemChanged: not a check
    const QIcon mark = style()->standardIcon(QStyle::SP_MediaPlay);
    QStandardItem* first = nullptr;
    for (int c = 0; c < m_model->rowCount(); ++c) {
        QStandardItem* category = m_model->item(c);
        for (int r = 0; r < category->rowCount(); ++r) {
            QStandardItem* item = category->child(r);
            const bool running = ids.contains(item->data(kIdRole).toString());
            QFont font = item->font();
            if (font.bold() != running) {
                font.setBold(running);
                item->setFont(font);
                item->setIcon(running ? mark : QIcon());
            }
            if (running && !first)
                first = item;
        }
    }
    m_syncing = false;
    if (first)
        m_view->scrollTo(m_proxy->mapFromSource(first->index()));
}

int WorkloadTree::visibleWorkloadCount() const
{
    int count = 0;
    for (int c = 0; c < m_proxy->rowCount(); ++c)
        count += m_proxy->rowCount(m_proxy->index(c, 0));
    return count;
}

} // namespace crucible::gui
