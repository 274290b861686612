#include "ResultsView.h"

#include "ChartHost.h"
#include "DistributionChart.h"
#include "EmptyState.h"
#include "ResultsTableModel.h"
#include "SamplesChart.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace crucible::gui {

ResultsView::ResultsView(QWidget* parent)
    : QWidget(parent), m_model(new ResultsTableModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)), m_comparisonHint(new QLabel(this)), m_table(new QTableView(this)),
      m_distribution(new charts::ChartHost(this)), m_samples(new charts::ChartHost(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ResultsTableModel::kSortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(ResultsTableModel::Workload);
    m_filter->setPlaceholderText(tr("Filter results"));
    m_filter->setClearButtonEnabled(true);
    m_comparisonHint->setObjectName(QStringLiteral("comparisonHint"));
    m_comparisonHint->setWordWrap(true);
    m_comparisonHint->hide();
    m_table->setObjectName(QStringLiteral("resultsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // run order until the user sorts
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_distribution->showMessage(tr("Choose a workload to see its distribution."));
    m_samples->showMessage(tr("Choose a workload to see its samples in order."));

    auto* details = new QSplitter(Qt::Horizontal);
    details->addWidget(m_distribution);
    details->addWidget(m_samples);
    details->setSizes({500, 500}); // half each: the samples chart needs the width as much
    auto* top = new QWidget;
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_filter);
    topLayout->addWidget(m_comparisonHint);
    topLayout->addWidget(m_table);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({500, 500}); // half each: by their size hints the charts would get a fifth
    m_empty = new EmptyState(splitter, tr("No results yet."), this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showDetails();
        Q_EMIT workloadSelected(selectedId());
    });
}

void ResultsView::setLook(const charts::ChartLook& look)
{
    m_look = look;
    showDetails();
}

void ResultsView::setEmptyHint(const QString& hint)
{
    m_empty->setHint(hint);
}

void ResultsView::setComparisonHint(const QString& hint)
{
    m_comparisonHint->setText(hint);
    m_comparisonHint->setVisible(!hint.isEmpty());
}

void ResultsView::setResults(std::vector<Result> results)
{
    m_model->setResults(std::move(results));
    showHintWhenEmpty();
    showDetails();
}

void ResultsView::showHintWhenEmpty()
{
    if (m_model->rowCount() == 0)
        m_empty->showHint();
    else
        m_empty->showContent();
}

void ResultsView::upsert(const Result& result)
{
    // A comparison arriving changes the row's change and verdict, not its charts: they are
    // built again (tens of milliseconds) only when the samples differ.
    const Result* before = m_model->resultAt(m_model->rowOf(result.info.id));
    const bool samplesChanged = !before || before->samples != result.samples;
    m_model->upsert(result);
    showHintWhenEmpty();
    if (samplesChanged && result.info.id == selectedId())
        showDetails();
}

void ResultsView::selectWorkload(const QString& id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

QString ResultsView::selectedId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    const Result* r = m_model->resultAt(m_proxy->mapToSource(rows.first()).row());
    return r ? r->info.id : QString();
}

void ResultsView::setReference(const QString& id, const std::optional<EarlierRun>& reference)
{
    const bool changed = id != m_referenceId || reference.has_value() != m_reference.has_value()
        || (reference && reference->label != m_reference->label);
    m_referenceId = id;
    m_reference = reference;
    if (changed && id == selectedId())
        showDetails();
}

void ResultsView::showDetails()
{
    const int row = m_model->rowOf(selectedId());
    const Result* r = m_model->resultAt(row);
    if (!r || r->samples.empty()) {
        m_distribution->showMessage(r ? tr("%1 has no samples: %2").arg(r->info.id, r->error)
                                      : tr("Choose a workload to see its distribution."));
        m_samples->showMessage(QString());
        return;
    }
    charts::ChartOptions options;
    options.look = m_look;
    options.widthPx = std::max(300, m_distribution->width());
    options.heightPx = std::max(200, m_distribution->height());
    if (m_reference && m_referenceId == r->info.id && !m_reference->result.samples.empty()) {
        // The baseline's box in its colour of the live charts, left of this run's.
        const Result* two[] = {&m_reference->result, r};
        const charts::BoxStyle styles[] = {{m_reference->label, 1}, {tr("this run"), 0}};
        m_distribution->setChart(charts::distributionChart(two, options, styles));
    } else {
        const Result* one[] = {r};
        m_distribution->setChart(charts::distributionChart(one, options));
    }
    options.widthPx = std::max(300, m_samples->width());
    m_samples->setChart(charts::samplesOverTimeChart(*r, options));
}

} // namespace crucible::gui
