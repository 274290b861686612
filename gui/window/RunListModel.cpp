#include "RunListModel.h"

#include <QFont>
#include <QLocale>

namespace crucible::gui {

RunListModel::RunListModel(QObject* parent) : QAbstractTableModel(parent)
{ }

void RunListModel::setRuns(std::vector<HistoryStore::RunRecord> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

const HistoryStore::RunRecord* RunListModel::runAt(int row) const
{
    return row >= 0 && row < int(m_runs.size()) ? &m_runs[std::size_t(row)] : nullptr;
}

int RunListModel::rowOf(qint64 runId) const
{
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].id == runId)
            return int(i);
    return -1;
}

int RunListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunListModel::data(const QModelIndex& index, int role) const
{
    const HistoryStore::RunRecord* run = runAt(index.row());
    if (!run || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const RunInfo& info = run->info;
    if (role == kRunIdRole)
        return run->id;
    if (role == kSortRole) {
        switch (index.column()) {
        case Id:
            return run->id;
        case Started:
            return info.started;
        case Workloads:
            return run->workloadCount;
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id:
            return run->id;
        case Started:
            return info.started.isValid()
                ? QLocale().toString(info.started.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                : QString();
        case Suite:
            return isOwnRunSource(run->source) ? info.suiteName : tr("%1 (from %2)").arg(info.suiteName, run->source);
        case Host:
            return info.host;
        case Commit:
            return info.gitCommit.left(10);
        case Workloads:
            return run->cancelled ? tr("%1 (stopped)").arg(run->workloadCount) : QString::number(run->workloadCount);
        case Baselines:
            return run->baselines.join(QStringLiteral(", "));
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Commit && !info.gitCommit.isEmpty())
            return info.gitCommit;
        if (index.column() == Started && info.finished.isValid())
            return tr("finished %1").arg(QLocale().toString(info.finished.toLocalTime(), QLocale::LongFormat));
        if (index.column() == Workloads && run->cancelled)
            return tr("The run was stopped before the end: only the workloads that finished were recorded.");
        return {};
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Id || index.column() == Workloads))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && index.column() == Baselines && !run->baselines.isEmpty()) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Run");
    case Started:
        return tr("Started");
    case Suite:
        return tr("Suite");
    case Host:
        return tr("Host");
    case Commit:
        return tr("Git commit");
    case Workloads:
        return tr("Workloads");
    case Baselines:
        return tr("Baselines");
    default:
        return {};
    }
}

} // namespace crucible::gui
