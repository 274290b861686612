// MainWindow's baseline picker: its choices with a store and without one, what the chosen item
// says the shown changes were measured against, and the comparisons with the window's own runs
// (without a store). Kept apart from MainWindow.cpp, which wires the run, and from
// MainWindowHistory.cpp, which compares with the store's runs.
#include "MainWindow.h"

#include "BaselinePicker.h"
#include "Comparison.h"
#include "InBackground.h"
#include "ResultsView.h"
#include "RunController.h"
#include "WindowHistory.h"

#include <QSet>

namespace crucible::gui {

namespace {

// "run 12" for one run of the store, "runs 11, 12" for several: the workloads of one run can
// each have been compared with a different earlier run (the latest that measured it).
QString describeBaselines(const QStringList& names)
{
    static const QString previous = QStringLiteral("previous run ");
    QStringList runIds;
    for (const QString& name : names)
        if (name.startsWith(previous))
            runIds << name.mid(previous.size());
    if (runIds.size() != names.size())
        return names.join(QStringLiteral(", "));
    return runIds.size() == 1 ? MainWindow::tr("run %1").arg(runIds.front())
                              : MainWindow::tr("runs %1").arg(runIds.join(QStringLiteral(", ")));
}

} // namespace

void MainWindow::fillWindowBaselinePicker()
{
    // The choice survives the refill: "previous run" stays "previous run" as runs are added (it
    // then means the run before the one compared), a chosen run stays that run.
    const bool wasWindow =
        m_baseline->count() > 0 && m_baseline->itemData(0).toInt() == BaselinePicker::PreviousWindowRun;
    const int kept = wasWindow ? m_baseline->currentKind() : int(BaselinePicker::PreviousWindowRun);
    const std::vector<RunResult>& runs = m_controller->runs();
    const QSignalBlocker quiet(m_baseline);
    m_baseline->clear();
    m_baseline->addChoice(tr("previous run"), BaselinePicker::PreviousWindowRun);
    m_baseline->setItemData(0, tr("The window's run before the one compared"), Qt::ToolTipRole);
    for (int i = int(runs.size()) - 1; i >= 0; --i)
        m_baseline->addChoice(runLabel(i), i);
    m_baseline->addChoice(tr("none"), BaselinePicker::None);
    m_baseline->setCurrentIndex(std::max(0, m_baseline->findData(kept)));
    updateMeasuredAgainst();
}

void MainWindow::fillBaselinePicker()
{
    if (!m_history->isOpen())
        return;
    const int keptKind = m_baseline->currentKind();
    const QString keptName = m_baseline->currentData(BaselinePicker::kNameRole).toString();
    const bool wasHistory = m_baseline->count() > 0 && m_baseline->itemData(0).toInt() == BaselinePicker::HistoryChoice;
    const QSignalBlocker quiet(m_baseline);
    m_baseline->clear();
    m_baseline->addChoice(tr("previous run"), BaselinePicker::HistoryChoice);
    m_baseline->setItemData(0, tr("Each workload's latest result from an earlier run of the same suite on this host"),
                            Qt::ToolTipRole);
    for (const QString& name : m_history->baselineNames())
        m_baseline->addChoice(tr("baseline \"%1\"").arg(name), BaselinePicker::HistoryChoice, name);
    m_baseline->addChoice(tr("none"), BaselinePicker::None);
    int index = 0; // by default the previous run, as in the headless runner
    if (wasHistory && keptKind == BaselinePicker::None)
        index = m_baseline->count() - 1;
    else if (wasHistory && !keptName.isEmpty())
        index = std::max(0, m_baseline->findData(keptName, BaselinePicker::kNameRole));
    m_baseline->setCurrentIndex(index);
    updateMeasuredAgainst();
}

BaselineChoice MainWindow::baselineChoice() const
{
    if (m_baseline->currentKind() == BaselinePicker::None)
        return BaselineChoice::none();
    const QString name = m_baseline->currentData(BaselinePicker::kNameRole).toString();
    return name.isEmpty() ? BaselineChoice::previousRun() : BaselineChoice::named(name);
}

int MainWindow::comparedWindowRun() const
{
    const std::vector<RunResult>& runs = m_controller->runs();
    if (m_controller->isRunning() || !m_shownRun)
        return int(runs.size()); // the run going on, or the next one
    for (int i = 0; i < int(runs.size()); ++i)
        if (runs[std::size_t(i)].info.started == m_shownRun->info.started)
            return i;
    return int(runs.size());
}

int MainWindow::windowBaselineIndex(int candidate) const
{
    const int kind = m_baseline->currentKind();
    const int count = int(m_controller->runs().size());
    int index = -1;
    if (kind == BaselinePicker::PreviousWindowRun)
        index = candidate - 1;
    else if (kind >= 0)
        index = kind;
    // A run is not its own baseline.
    return index >= 0 && index < count && index != candidate ? index : -1;
}

void MainWindow::updateMeasuredAgainst()
{
    if (m_history && m_history->isOpen()) {
        // The store's comparisons name their run: each workload's own for "previous run".
        const std::vector<Result>& results =
            m_controller->isRunning() || !m_shownRun ? m_liveResults : m_shownRun->results;
        QStringList names;
        for (const Result& r : results)
            if (r.baseline && !names.contains(r.baseline->name))
                names << r.baseline->name;
        m_baseline->setMeasuredAgainst(names.isEmpty() ? QString() : describeBaselines(names));
        return;
    }
    if (m_baseline->currentKind() != BaselinePicker::PreviousWindowRun) {
        m_baseline->setMeasuredAgainst(QString()); // "none", or a run named in full
        return;
    }
    const int base = windowBaselineIndex(comparedWindowRun());
    m_baseline->setMeasuredAgainst(base >= 0 ? runLabel(base) : tr("none yet"));
}

void MainWindow::compareWithWindowRun(const Result& result)
{
    if ((m_history && m_history->isOpen()) || result.status != Status::Ok)
        return;
    const int baseIndex = windowBaselineIndex(comparedWindowRun());
    if (baseIndex < 0)
        return;
    const RunResult& base = m_controller->runs()[std::size_t(baseIndex)];
    const auto it = std::find_if(base.results.begin(), base.results.end(),
                                 [&](const Result& b) { return b.info.id == result.info.id; });
    if (it == base.results.end())
        return;
    // The bootstrap of a comparison takes tens of milliseconds: never on the GUI thread.
    ++m_comparing[m_runSerial];
    JudgeContext context;
    context.baselineName = runLabel(baseIndex); // what the picker names, in full
    // While the run goes on the shown run is an earlier one: what is known of this run so far.
    const RunInfo candidateRun =
        m_shownRun && m_shownSerial == m_runSerial ? m_shownRun->info : m_controller->runInfo();
    context.incomparable = incomparability(base.info, candidateRun);
    context.settingsDiffer = settingsDifference(base.info, candidateRun);
    runInBackground(
        this,
        [result, baseline = *it, context] {
            Result compared = result;
            compareWithBaseline(compared, baseline, context);
            return compared;
        },
        [this, serial = m_runSerial](const Result& compared) { applyComparison(serial, compared); });
}

void MainWindow::recompareShownWindowRun()
{
    if ((m_history && m_history->isOpen()) || m_controller->isRunning() || !m_shownRun)
        return;
    const int shown = comparedWindowRun();
    if (shown >= int(m_controller->runs().size()))
        return; // not one of the window's runs
    const int baseIndex = windowBaselineIndex(shown);
    std::optional<RunResult> base;
    JudgeContext context;
    if (baseIndex >= 0) {
        base = m_controller->runs()[std::size_t(baseIndex)];
        context.baselineName = runLabel(baseIndex);
        context.incomparable = incomparability(base->info, m_shownRun->info);
        context.settingsDiffer = settingsDifference(base->info, m_shownRun->info);
    }
    ++m_recomparing;
    const quint64 generation = ++m_recompareGeneration;
    runInBackground(
        this,
        [results = m_shownRun->results, base = std::move(base), context] {
            std::vector<Result> compared = results;
            for (Result& r : compared) {
                r.baseline.reset(); // what the run was compared with before goes
                if (!base || r.status != Status::Ok)
                    continue;
                for (const Result& b : base->results)
                    if (b.info.id == r.info.id)
                        compareWithBaseline(r, b, context);
            }
            return compared;
        },
        [this, started = m_shownRun->info.started, generation](const std::vector<Result>& compared) {
            --m_recomparing;
            if (generation == m_recompareGeneration && m_shownRun && m_shownRun->info.started == started
                && !m_controller->isRunning()) {
                m_shownRun->results = compared;
                for (const Result& r : compared)
                    m_results->upsert(r);
                updateMeasuredAgainst();
            }
            startQueuedExport();
        });
    updateMeasuredAgainst();
}

} // namespace crucible::gui
