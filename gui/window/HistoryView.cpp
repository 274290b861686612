#include "HistoryView.h"

#include "ChartHost.h"
#include "HistoryLoader.h"
#include "RunListModel.h"
#include "TrendChart.h"
#include "export/TextReports.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <set>

namespace crucible::gui {

namespace {

// The run list shows at most this many runs, newest first: enough for years of nightly runs,
// few enough to list in a moment from a shared PostgreSQL store.
constexpr int kMaxListedRuns = 5000;

void refill(QComboBox* box, const QString& anyText, const QStringList& values, const QString& keep)
{
    box->clear();
    if (!anyText.isEmpty())
        box->addItem(anyText, QString());
    for (const QString& v : values)
        box->addItem(v.isEmpty() ? QObject::tr("(none)") : v, v);
    const int index = box->findData(keep);
    box->setCurrentIndex(index >= 0 ? index : 0);
}

// "12 runs of suite default on host vm; latest median 1.2 µs. Change points: run 41 +12.3%."
QString changeSummary(const WorkloadTrend& trend, const QString& scope)
{
    const std::size_t n = trend.points.size();
    if (n == 0)
        return QObject::tr("No finished result of %1 in the runs of %2.").arg(trend.workloadId, scope);
    QString text = QObject::tr("%1 %2 of %3; latest median %4.")
                       .arg(n)
                       .arg(n == 1 ? QObject::tr("run") : QObject::tr("runs"), scope,
                            formatMeasure(trend.points.back().median, trend.unit));
    if (trend.changePoints.empty())
        return text + QObject::tr(" No change point: the level holds within the noise.");
    QStringList changes;
    for (std::size_t c = 0; c < trend.changePoints.size(); ++c) {
        const double shift = trend.shiftPct(c);
        changes << QObject::tr("run %1 %2%3%")
                       .arg(trend.points[trend.changePoints[c]].runId)
                       .arg(shift >= 0 ? QStringLiteral("+") : QString())
                       .arg(shift, 0, 'f', 1);
    }
    return text + QObject::tr(" Change points (first run of a new level): %1.").arg(changes.join(QStringLiteral(", ")));
}

} // namespace

HistoryView::HistoryView(HistoryLoader* loader, QWidget* parent)
    : QWidget(parent), m_loader(loader), m_stack(new QStackedWidget(this)), m_unavailable(new QLabel),
      m_suite(new QComboBox), m_host(new QComboBox), m_workload(new QComboBox), m_trendHost(new charts::ChartHost),
      m_trendCaption(new QLabel), m_runs(new RunListModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView), m_runCount(new QLabel), m_open(new QPushButton(tr("&Open"))),
      m_export(new QPushButton(tr("E&xport…"))), m_saveBaseline(new QPushButton(tr("Save as &baseline…")))
{
    m_unavailable->setAlignment(Qt::AlignCenter);
    m_unavailable->setWordWrap(true);
    m_unavailable->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_suite->setObjectName(QStringLiteral("historySuite"));
    m_host->setObjectName(QStringLiteral("historyHost"));
    m_workload->setObjectName(QStringLiteral("historyWorkload"));
    m_workload->setMinimumContentsLength(36);
    m_workload->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_suite->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_host->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Suite:")));
    filters->addWidget(m_suite);
    filters->addSpacing(8);
    filters->addWidget(new QLabel(tr("Host:")));
    filters->addWidget(m_host);
    filters->addSpacing(8);
    filters->addWidget(new QLabel(tr("Workload:")));
    filters->addWidget(m_workload, 1);

    m_trendHost->showMessage(tr("Loading the history…"));
    m_trendCaption->setWordWrap(true);
    m_trendCaption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* trendBox = new QWidget;
    auto* trendLayout = new QVBoxLayout(trendBox);
    trendLayout->setContentsMargins(0, 0, 0, 0);
    trendLayout->addLayout(filters);
    trendLayout->addWidget(m_trendHost, 1);
    trendLayout->addWidget(m_trendCaption);

    m_proxy->setSourceModel(m_runs);
    m_proxy->setSortRole(RunListModel::kSortRole);
    m_table->setObjectName(QStringLiteral("historyRuns"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RunListModel::Id, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setResizeContentsPrecision(200); // thousands of runs: measure the first rows
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // rows of one line: no measuring
    m_table->setAlternatingRowColors(true);
    m_open->setToolTip(tr("Show this run in the Results and Comparison tabs; File ▸ Export then writes its files"));
    m_export->setToolTip(tr("Write this run's files (JSON, CSV, Markdown, PDF) into a folder"));
    m_saveBaseline->setToolTip(tr("Name this run, so that later runs can be compared with it"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_runCount, 1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_export);
    buttons->addWidget(m_saveBaseline);
    auto* listBox = new QWidget;
    auto* listLayout = new QVBoxLayout(listBox);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_table, 1);
    listLayout->addLayout(buttons);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(trendBox);
    splitter->addWidget(listBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    m_stack->addWidget(m_unavailable);
    m_stack->addWidget(splitter);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    showUnavailable(tr("No history store is open."));

    connect(m_suite, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        applyRunFilter();
        loadWorkloads();
    });
    connect(m_host, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        applyRunFilter();
        loadWorkloads();
    });
    connect(m_workload, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        m_wantedWorkload = currentWorkload();
        loadTrend();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        // Rings the chosen run on the trend shown, or draws it when there is none yet.
        QChart* chart = m_trendHost->chart();
        if (!chart || !charts::setTrendHighlight(*chart, m_trend, selectedRunId()))
            drawTrend();
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        Q_EMIT openRunRequested(index.data(RunListModel::kRunIdRole).toLongLong());
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedRunId())
            Q_EMIT openRunRequested(id);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedRunId())
            Q_EMIT exportRunRequested(id);
    });
    connect(m_saveBaseline, &QPushButton::clicked, this, &HistoryView::saveBaselineInteractively);
    updateButtons();
}

void HistoryView::setLook(const charts::ChartLook& look)
{
    m_look = look;
    drawTrend();
}

void HistoryView::showUnavailable(const QString& message)
{
    m_unavailable->setText(message);
    m_stack->setCurrentWidget(m_unavailable);
    m_allRuns.clear();
    m_runs->setRuns({});
    m_trend = {};
    ++m_workloadsSerial; // answers still on their way are for a store that is gone
    ++m_trendSerial;
    updateButtons();
}

void HistoryView::reload()
{
    m_stack->setCurrentIndex(1);
    listRuns();
}

void HistoryView::showWorkload(const QString& id)
{
    if (id.isEmpty() || id == currentWorkload())
        return;
    m_wantedWorkload = id;
    const int index = m_workload->findData(id);
    if (index >= 0)
        m_workload->setCurrentIndex(index); // loads the trend
}

QString HistoryView::currentWorkload() const
{
    return m_workload->currentData().toString();
}

QString HistoryView::chosenSuite() const
{
    return m_suite->currentData().toString();
}

QString HistoryView::chosenHost() const
{
    return m_host->currentData().toString();
}

qint64 HistoryView::selectedRunId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(RunListModel::kRunIdRole).toLongLong();
}

void HistoryView::selectRun(qint64 runId)
{
    const int row = m_runs->rowOf(runId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_runs->index(row, 0));
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void HistoryView::listRuns()
{
    m_loader->request<std::vector<HistoryStore::RunRecord>>(
        this, [](HistoryStore& store) { return store.runs({}, kMaxListedRuns); },
        [this](Expected<std::vector<HistoryStore::RunRecord>> runs) {
            if (!runs) {
                Q_EMIT failed(runs.error().message);
                return;
            }
            m_allRuns = std::move(*runs);
            std::set<QString> suites;
            std::set<QString> hosts;
            for (const HistoryStore::RunRecord& r : m_allRuns) {
                suites.insert(r.info.suiteName);
                hosts.insert(r.info.host);
            }
            // The first time, the newest run's suite and host: the runs one compares by default.
            QString suite = chosenSuite();
            QString host = chosenHost();
            if (!m_filtersChosen && !m_allRuns.empty()) {
                suite = m_allRuns.front().info.suiteName;
                host = m_allRuns.front().info.host;
                m_filtersChosen = true;
            }
            m_filling = true;
            refill(m_suite, tr("All suites"), QStringList(suites.begin(), suites.end()), suite);
            refill(m_host, tr("All hosts"), QStringList(hosts.begin(), hosts.end()), host);
            m_filling = false;
            applyRunFilter();
            Q_EMIT listed();
            loadWorkloads();
        });
}

void HistoryView::applyRunFilter()
{
    const qint64 selected = selectedRunId();
    const QString suite = chosenSuite();
    const QString host = chosenHost();
    std::vector<HistoryStore::RunRecord> shown;
    for (const HistoryStore::RunRecord& r : m_allRuns)
        if ((suite.isEmpty() || r.info.suiteName == suite) && (host.isEmpty() || r.info.host == host))
            shown.push_back(r);
    const std::size_t count = shown.size();
    m_runs->setRuns(std::move(shown));
    const QString runs = count == 1 ? tr("1 run") : tr("%1 runs").arg(count);
    m_runCount->setText(m_allRuns.size() >= std::size_t(kMaxListedRuns)
                            ? tr("%1 of the newest %2").arg(runs).arg(kMaxListedRuns)
                            : runs);
    if (selected > 0)
        selectRun(selected);
    updateButtons();
}

void HistoryView::loadWorkloads()
{
    HistoryStore::Filter filter;
    filter.suite = chosenSuite();
    filter.host = chosenHost();
    const quint64 serial = ++m_workloadsSerial;
    m_loader->request<QStringList>(
        this, [filter](HistoryStore& store) { return store.workloadIds(filter); },
        [this, serial](Expected<QStringList> found) {
            if (serial != m_workloadsSerial)
                return; // the filters changed since
            if (!found) {
                Q_EMIT failed(found.error().message);
                return;
            }
            const QStringList& ids = *found;
            const QString keep = !m_wantedWorkload.isEmpty() && ids.contains(m_wantedWorkload)
                ? m_wantedWorkload
                : (ids.contains(currentWorkload()) ? currentWorkload() : QString());
            m_filling = true;
            refill(m_workload, QString(), ids, keep);
            m_filling = false;
            loadTrend();
        });
}

void HistoryView::loadTrend()
{
    const QString id = currentWorkload();
    const quint64 serial = ++m_trendSerial;
    if (id.isEmpty()) {
        m_trend = {};
        m_trendHost->showMessage(m_allRuns.empty() ? tr("No run is recorded yet: finished runs appear here.")
                                                   : tr("No workload ran in the runs these filters select."));
        m_trendCaption->clear();
        Q_EMIT trendShown();
        return;
    }
    HistoryStore::Filter filter;
    filter.suite = chosenSuite();
    filter.host = chosenHost();
    m_loader->request<WorkloadTrend>(
        this,
        [id, filter](HistoryStore& store) -> Expected<WorkloadTrend> {
            Expected<std::vector<HistoryStore::TrendPoint>> points = store.trend(id, filter);
            if (!points)
                return points.error();
            return makeWorkloadTrend(id, std::move(*points));
        },
        [this, serial](Expected<WorkloadTrend> trend) {
            if (serial != m_trendSerial)
                return;
            if (!trend) {
                Q_EMIT failed(trend.error().message);
                return;
            }
            m_trend = std::move(*trend);
            drawTrend();
            Q_EMIT trendShown();
        });
}

void HistoryView::drawTrend()
{
    if (m_trend.workloadId.isEmpty())
        return;
    charts::ChartOptions options;
    options.look = m_look;
    options.widthPx = std::max(400, m_trendHost->width());
    options.heightPx = std::max(250, m_trendHost->height());
    charts::TrendChartOptions trendOptions;
    trendOptions.title = tr("Trend of %1").arg(m_trend.workloadId);
    trendOptions.highlightRunId = selectedRunId();
    trendOptions.runClicked = [view = QPointer<HistoryView>(this)](qint64 runId) {
        if (view && runId > 0)
            view->selectRun(runId);
    };
    m_trendHost->setChart(charts::trendChart(m_trend, options, trendOptions));
    const QString scope = tr("%1 on %2")
                              .arg(chosenSuite().isEmpty() ? tr("all suites") : tr("suite %1").arg(chosenSuite()),
                                   chosenHost().isEmpty() ? tr("all hosts") : tr("host %1").arg(chosenHost()));
    m_trendCaption->setText(tr("%1\nShaded: the 95% CI of each median. Dashed: change points, where the level (solid) "
                               "steps beyond the noise. Stars: baselines. Click a run to choose it in the list.")
                                .arg(changeSummary(m_trend, scope)));
}

void HistoryView::updateButtons()
{
    const bool chosen = selectedRunId() > 0;
    m_open->setEnabled(chosen);
    m_export->setEnabled(chosen);
    m_saveBaseline->setEnabled(chosen);
}

void HistoryView::saveBaseline(const QString& name, qint64 runId)
{
    m_loader->request<void>(
        this, [name, runId](HistoryStore& store) { return store.saveBaseline(name, runId); },
        [this, name, runId](const Expected<void>& saved) {
            if (!saved) {
                Q_EMIT failed(saved.error().message);
                return;
            }
            Q_EMIT baselineSaved(name, runId);
            reload(); // the run list and the trend mark it
        },
        HistoryLoader::OnClose::Run);
}

void HistoryView::saveBaselineInteractively()
{
    const qint64 runId = selectedRunId();
    if (runId <= 0)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as baseline"),
                                               tr("Name for run %1 (a name that exists moves to this run):").arg(runId),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (ok && !name.isEmpty())
        saveBaseline(name, runId);
}

} // namespace crucible::gui
