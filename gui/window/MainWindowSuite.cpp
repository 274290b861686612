// MainWindow's suites (File ▸ Open suite…, Recent suites, --suite) and exports, which are
// written off the GUI thread. Kept apart from MainWindow.cpp, which builds the window and
// wires the run itself.
#include "MainWindow.h"

#include "ErrorMessage.h"
#include "ExportJob.h"
#include "RunController.h"
#include "SettingsKeys.h"
#include "WindowHistory.h"
#include "WorkloadCount.h"
#include "WorkloadTree.h"
#include "cli/CommandLine.h"
#include "cli/SuitePlan.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>

namespace crucible::gui {

namespace {

constexpr int kRecentSuiteCount = 8;

QString suiteLabel(const Suite& suite, const QString& file)
{
    return file.isEmpty() ? QObject::tr("the built-in default suite")
                          : QObject::tr("suite \"%1\" (%2)").arg(suite.name, file);
}

// `path` at the head of the recent suites, once.
void rememberSuite(const QString& path)
{
    QSettings s;
    s.setValue(settings::kLastSuite, path);
    if (path.isEmpty())
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList recent = s.value(settings::kRecentSuites).toStringList();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    s.setValue(settings::kRecentSuites, recent.mid(0, kRecentSuiteCount));
}

} // namespace

void MainWindow::buildSuiteActions(QMenu* file)
{
    m_openSuite = file->addAction(tr("&Open suite…"), QKeySequence::Open, this, [this] {
        const QString start = m_suiteFile.isEmpty() ? QDir::currentPath() : QFileInfo(m_suiteFile).absolutePath();
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open suite"), start, tr("Suite files (*.json);;All files (*)"));
        if (!path.isEmpty())
            openSuite(path);
    });
    m_recentSuites = file->addMenu(tr("Recent &suites"));
    refillRecentSuites();
    file->addSeparator();
}

void MainWindow::refillRecentSuites()
{
    m_recentSuites->clear();
    m_recentSuites->addAction(tr("Built-in default suite"), this, [this] { openSuite(QString()); });
    const QStringList recent = QSettings().value(settings::kRecentSuites).toStringList();
    if (!recent.isEmpty())
        m_recentSuites->addSeparator();
    for (qsizetype i = 0; i < recent.size(); ++i) {
        QString shown = QDir::toNativeSeparators(recent[i]);
        shown.replace(QLatin1Char('&'), QLatin1String("&&")); // not a mnemonic
        m_recentSuites->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(shown), this,
                                  [this, path = recent[i]] { openSuite(path); });
    }
}

bool MainWindow::openSuite(const QString& path, QString* errorOut, bool takeDefaults)
{
    QString error;
    if (m_controller->isRunning()) {
        error = tr("Stop the run before opening another suite.");
    } else {
        const LoadedSuite loaded = loadSuite(path, m_controller->registry());
        if (loaded.suite) {
            useSuite(*loaded.suite, path);
            if (takeDefaults) {
                const SuiteDefaults& d = loaded.suite->defaults;
                if (d.samples)
                    m_sampleSize->setValue(*d.samples);
                if (d.warmUpSeconds)
                    m_warmUp->setValue(*d.warmUpSeconds);
                if (d.measurementSeconds)
                    m_measurement->setValue(*d.measurementSeconds);
            }
            rememberSuite(path);
            refillRecentSuites();
            if (!loaded.notice.isEmpty())
                m_statusText->setText(loaded.notice);
            return true;
        }
        error = loaded.error; // names the file and the key, or the line and column
    }
    m_statusText->setText(tr("Suite not opened: %1").arg(error));
    if (errorOut)
        *errorOut = error;
    else
        showError(this, tr("Suite not opened"),
                  tr("%1\n\nThe window keeps %2.").arg(error, suiteLabel(m_controller->suite(), m_suiteFile)));
    return false;
}

void MainWindow::useSuite(const Suite& suite, const QString& file)
{
    m_controller->setSuite(suite);
    m_suiteFile = file;
    std::vector<WorkloadInfo> infos;
    for (const SuiteWorkload& w : suite.workloads)
        infos.push_back(w.info);
    m_tree->setWorkloads(infos); // all checked
    setWindowTitle(file.isEmpty() ? tr("Crucible Bench") : tr("%1 — Crucible Bench").arg(suite.name));
    // "Built-in default suite: 49 workloads", "Suite "tiny" (tiny.json): 2 workloads".
    const QString label = file.isEmpty() ? tr("Built-in default suite") : tr("Suite \"%1\" (%2)").arg(suite.name, file);
    m_statusText->setText(tr("%1: %2").arg(label, workloadCount(int(suite.workloads.size()))));
    updateRunState();
}

void MainWindow::restoreSuite()
{
    const QString last = QSettings().value(settings::kLastSuite).toString();
    QString lastError;
    if (!last.isEmpty() && openSuite(last, &lastError, false))
        return;
    const LoadedSuite loaded = loadSuite(QString(), m_controller->registry());
    // A build without the built-in suite (or a broken one, which tests catch) still lists
    // every registered workload.
    useSuite(loaded.suite ? *loaded.suite : allRegisteredWorkloads(m_controller->registry()), QString());
    if (!lastError.isEmpty())
        m_statusText->setText(tr("The last suite was not reopened: %1").arg(lastError));
    else if (!loaded.suite)
        m_statusText->setText(loaded.error);
}

bool MainWindow::applyCommandLine(const CommandLineOptions& options)
{
    bool suiteOpened = true;
    if (!options.suiteFile.isEmpty()) {
        QString error;
        suiteOpened = openSuite(options.suiteFile, &error);
        if (!suiteOpened) // said once the window is up, over it
            QTimer::singleShot(0, this, [this, error] {
                showError(this, tr("Suite not opened"),
                          tr("--suite %1\n\nThe window keeps %2.")
                              .arg(error, suiteLabel(m_controller->suite(), m_suiteFile)));
            });
    }
    if (!options.filters.isEmpty()) {
        QStringList ids;
        for (const SuiteWorkload* w : selectSuiteWorkloads(m_controller->suite(), options.filters))
            ids << w->info.id;
        m_tree->setCheckedIds(ids);
        if (ids.isEmpty())
            m_statusText->setText(
                tr("No workload of the suite matches %1.").arg(options.filters.join(QLatin1Char(' '))));
    }
    // A flag beats the suite's defaults, as in the headless run.
    if (options.sampleSizeGiven)
        m_sampleSize->setValue(options.settings.sampleCount);
    if (options.warmUpGiven)
        m_warmUp->setValue(options.settings.warmUpSeconds);
    if (options.measurementGiven)
        m_measurement->setValue(options.settings.measurementSeconds);
    return suiteOpened;
}

void MainWindow::startExport(const QString& dir, const QStringList& formats)
{
    ReportOptions options;
    options.trends = m_shownTrends; // the PDF's trend over history
    m_export->start(*m_shownRun, dir, formats, m_reports, options);
    m_statusText->setText(
        tr("Writing %1 into %2…").arg(formats.join(QStringLiteral(", ")), QDir::toNativeSeparators(dir)));
}

bool MainWindow::shownRunSettled() const
{
    if (m_verdictsPending || m_trendsPending || m_recomparing > 0 || m_comparing.count(m_shownSerial) > 0)
        return false;
    // Finished workloads of the run just shown whose baselines are still being fetched.
    return m_shownSerial != m_runSerial || m_uncompared.isEmpty();
}

void MainWindow::startQueuedExport()
{
    if (!m_queuedExport)
        return;
    if (!shownRunSettled()) {
        m_statusText->setText(tr("The export waits for the run's comparisons and trends…"));
        return;
    }
    const auto [dir, formats] = *std::exchange(m_queuedExport, std::nullopt);
    startExport(dir, formats);
}

void MainWindow::onExportFinished(const QString& dir, const QStringList& written, const QString& error)
{
    const QString where = QDir::toNativeSeparators(dir);
    if (error.isEmpty()) {
        m_statusText->setText(tr("Exported %1 to %2").arg(written.join(QStringLiteral(", ")), where));
    } else {
        m_statusText->setText(tr("Export failed: %1").arg(error));
        if (!m_exportQuiet)
            showError(this, tr("Export failed"), error);
    }
    Q_EMIT exportFinished(dir, written, error);
}

} // namespace crucible::gui
