#include "ResultsTableModel.h"

#include "Stability.h"
#include "export/TextReports.h"

#include "VerdictPalette.h"

#include <QApplication>
#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QStyle>

namespace crucible::gui {

namespace {

// The verdict's name; a result's own instability shows as the column's icon and tooltip.
QString verdictOf(const Result& r)
{
    return r.baseline ? verdictName(r.baseline->verdict) : QString();
}

QVariant colorOf(const Result& r)
{
    const QColor c = r.baseline ? verdictColor(r.baseline->verdict) : QColor();
    return c.isValid() ? QVariant(c) : QVariant();
}

// The level shift of an unstable result, for a tooltip.
QString shiftText(const Result& r)
{
    return ResultsTableModel::tr("Unstable: %1, beyond what the machine's own speed explains")
        .arg(describeShift(r.stability));
}

QString toolTipOf(const Result& r, int column)
{
    if (r.status != Status::Ok)
        return r.error;
    QStringList lines;
    if ((column == ResultsTableModel::Verdict || column == ResultsTableModel::Change) && r.baseline)
        lines << ResultsTableModel::tr("Against %1: %2").arg(r.baseline->name, r.baseline->explanation());
    else
        lines << r.info.description;
    if (r.stability.unstable)
        lines << shiftText(r);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ResultsTableModel::ResultsTableModel(QObject* parent) : QAbstractTableModel(parent)
{ }

void ResultsTableModel::setResults(std::vector<Result> results)
{
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
}

void ResultsTableModel::upsert(const Result& result)
{
    const int row = rowOf(result.info.id);
    if (row >= 0) {
        m_results[std::size_t(row)] = result;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int end = int(m_results.size());
    beginInsertRows({}, end, end);
    m_results.push_back(result);
    endInsertRows();
}

void ResultsTableModel::clear()
{
    setResults({});
}

const Result* ResultsTableModel::resultAt(int row) const
{
    return row >= 0 && row < int(m_results.size()) ? &m_results[std::size_t(row)] : nullptr;
}

int ResultsTableModel::rowOf(const QString& id) const
{
    for (std::size_t i = 0; i < m_results.size(); ++i)
        if (m_results[i].info.id == id)
            return int(i);
    return -1;
}

int ResultsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int ResultsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResultsTableModel::data(const QModelIndex& index, int role) const
{
    const Result* r = index.isValid() ? resultAt(index.row()) : nullptr;
    if (!r)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(*r, index.column());
    case kSortRole:
        return sortValue(*r, index.column());
    case Qt::ForegroundRole:
        if (index.column() == Verdict || index.column() == Change)
            return colorOf(*r);
        if (index.column() == Status && r->status != Status::Ok)
            return failureColor();
        return {};
    case Qt::DecorationRole:
        if (index.column() == Verdict && r->stability.unstable)
            return QIcon::fromTheme(QStringLiteral("dialog-warning"),
                                    QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning));
        return {};
    case Qt::ToolTipRole:
        return toolTipOf(*r, index.column());
    case Qt::TextAlignmentRole:
        return index.column() >= Median && index.column() <= Change ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                    : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ResultsTableModel::display(const Result& r, int column) const
{
    const stats::Summary& s = r.summary;
    const bool ok = r.status == Status::Ok && s.n > 0;
    switch (column) {
    case Workload:
        return r.info.id;
    case Category:
        return categoryName(r.info.category);
    case Status:
        return statusName(r.status);
    case Median:
        return ok ? formatMeasure(s.median, r.info.unit) : QString();
    case Mean:
        return ok ? formatMeasure(s.mean, r.info.unit) : QString();
    case Ci95:
        return ok ? QStringLiteral("%1 – %2").arg(formatMeasure(s.ci95.low, r.info.unit),
                                                  formatMeasure(s.ci95.high, r.info.unit))
                  : QString();
    case Cv:
        return ok ? QStringLiteral("%1%").arg(s.cv * 100, 0, 'f', 1) : QString();
    case PeakRss:
        return r.peakRssBytes > 0 ? formatBytes(double(r.peakRssBytes)) : QString();
    case Change:
        return r.baseline ? r.baseline->judgedChangeText() : QString();
    case Verdict:
        return verdictOf(r);
    default:
        return {};
    }
}

QVariant ResultsTableModel::sortValue(const Result& r, int column) const
{
    const stats::Summary& s = r.summary;
    switch (column) {
    case Median:
        return s.median;
    case Mean:
        return s.mean;
    case Ci95:
        return s.ci95.high - s.ci95.low;
    case Cv:
        return s.cv;
    case PeakRss:
        return qint64(r.peakRssBytes);
    case Change:
        return r.baseline ? r.baseline->judgedChangePct : 0.0;
    default:
        return display(r, column);
    }
}

QVariant ResultsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char* const kTitles[ColumnCount] = {
        QT_TR_NOOP("Workload"), QT_TR_NOOP("Category"), QT_TR_NOOP("Status"), QT_TR_NOOP("Median"),
        QT_TR_NOOP("Mean"),     QT_TR_NOOP("95% CI"),   QT_TR_NOOP("CV"),     QT_TR_NOOP("Peak RSS"),
        QT_TR_NOOP("Change"),   QT_TR_NOOP("Verdict")};
    return section >= 0 && section < ColumnCount ? tr(kTitles[section]) : QVariant();
}

} // namespace crucible::gui
