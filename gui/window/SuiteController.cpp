#include "SuiteController.h"

#include "ErrorMessage.h"
#include "RunController.h"
#include "SettingsKeys.h"
#include "WorkloadCount.h"
#include "WorkloadTree.h"
#include "cli/CommandLine.h"
#include "cli/CommandSuite.h"
#include "cli/SuitePlan.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QTimer>

namespace crucible::gui {

namespace {

constexpr int kRecentSuiteCount = 8;

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

SuiteController::SuiteController(RunController* controller, WorkloadTree* tree, QWidget* window)
    : QObject(window), m_controller(controller), m_tree(tree), m_window(window),
      m_open(new QAction(tr("&Open suite…"), this)), m_recent(new QMenu(tr("Recent &suites"), window))
{
    m_open->setShortcut(QKeySequence::Open);
    connect(m_open, &QAction::triggered, this, [this] {
        const QString start = m_file.isEmpty() ? QDir::currentPath() : QFileInfo(m_file).absolutePath();
        const QString path =
            QFileDialog::getOpenFileName(m_window, tr("Open suite"), start, tr("Suite files (*.json);;All files (*)"));
        if (!path.isEmpty())
            openAsked(path);
    });
    // A run keeps the workloads it started with; another suite waits until it is over.
    connect(m_controller, &RunController::runStarted, this, [this] {
        m_open->setEnabled(false);
        m_recent->setEnabled(false);
    });
    connect(m_controller, &RunController::runFinished, this, [this] {
        m_open->setEnabled(true);
        m_recent->setEnabled(true);
    });
    refillRecent();
}

void SuiteController::addActionsTo(QMenu* file)
{
    file->addAction(m_open);
    file->addMenu(m_recent);
}

void SuiteController::refillRecent()
{
    m_recent->clear();
    m_recent->addAction(tr("Built-in default suite"), this, [this] { openAsked(QString()); });
    const QStringList recent = QSettings().value(settings::kRecentSuites).toStringList();
    if (!recent.isEmpty())
        m_recent->addSeparator();
    for (qsizetype i = 0; i < recent.size(); ++i) {
        QString shown = QDir::toNativeSeparators(recent[i]);
        shown.replace(QLatin1Char('&'), QLatin1String("&&")); // not a mnemonic
        m_recent->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(shown), this,
                            [this, path = recent[i]] { openAsked(path); });
    }
}

Expected<void> SuiteController::open(const QString& path, bool takeDefaults)
{
    Error error;
    if (m_controller->isRunning()) {
        error = Error::usage(tr("Stop the run before opening another suite."));
    } else {
        const LoadedSuite loaded = loadSuite(path, m_controller->registry());
        if (loaded.suite) {
            use(*loaded.suite, path,
                path.isEmpty() ? tr("Built-in default suite") : tr("Suite \"%1\" (%2)").arg(loaded.suite->name, path));
            if (takeDefaults)
                Q_EMIT defaultsOffered(loaded.suite->defaults);
            rememberSuite(path);
            refillRecent();
            if (!loaded.notice.isEmpty())
                Q_EMIT status(loaded.notice);
            return {};
        }
        // Names the file and the key, or the line and column.
        error = loaded.inputError ? Error::input(loaded.error) : Error::internal(loaded.error);
    }
    Q_EMIT status(tr("Suite not opened: %1").arg(error.message));
    return error;
}

void SuiteController::openAsked(const QString& path)
{
    if (const Expected<void> opened = open(path); !opened)
        showError(m_window, tr("Suite not opened"),
                  tr("%1\n\nThe window keeps %2.").arg(opened.error().message, keptLabel()));
}

Expected<void> SuiteController::useCommands(const CommandLineCommands& commands)
{
    if (m_controller->isRunning())
        return Error::usage(tr("Stop the run before comparing commands."));
    const Expected<Suite> suite = commandLineSuite(commands);
    if (!suite) {
        Q_EMIT status(tr("Commands not compared: %1").arg(suite.error().message));
        return suite.error();
    }
    use(*suite, QString(), tr("Commands"));
    m_window->setWindowTitle(tr("Compare commands — Crucible Bench"));
    return {};
}

void SuiteController::use(const Suite& suite, const QString& file, const QString& label)
{
    m_controller->setSuite(suite);
    m_file = file;
    std::vector<WorkloadInfo> infos;
    for (const SuiteWorkload& w : suite.workloads)
        infos.push_back(w.info);
    m_tree->setWorkloads(infos); // all checked
    m_window->setWindowTitle(file.isEmpty() ? tr("Crucible Bench") : tr("%1 — Crucible Bench").arg(suite.name));
    // "Built-in default suite: 49 workloads", "Suite "tiny" (tiny.json): 2 workloads".
    Q_EMIT status(tr("%1: %2").arg(label, workloadCount(int(suite.workloads.size()))));
    Q_EMIT changed();
}

QString SuiteController::keptLabel() const
{
    if (m_controller->suite().interleaved)
        return tr("the commands it compares");
    return m_file.isEmpty() ? tr("the built-in default suite")
                            : tr("suite \"%1\" (%2)").arg(m_controller->suite().name, m_file);
}

void SuiteController::restore()
{
    const QString last = QSettings().value(settings::kLastSuite).toString();
    QString lastError;
    if (!last.isEmpty()) {
        const Expected<void> reopened = open(last, false);
        if (reopened)
            return;
        lastError = reopened.error().message;
    }
    const LoadedSuite loaded = loadSuite(QString(), m_controller->registry());
    // A build without the built-in suite (or a broken one, which tests catch) still lists
    // every registered workload.
    use(loaded.suite ? *loaded.suite : allRegisteredWorkloads(m_controller->registry()), QString(),
        tr("Built-in default suite"));
    if (!lastError.isEmpty())
        Q_EMIT status(tr("The last suite was not reopened: %1").arg(lastError));
    else if (!loaded.suite)
        Q_EMIT status(loaded.error);
}

bool SuiteController::applyCommandLine(const CommandLineOptions& options)
{
    bool opened = true;
    if (options.commands.given()) {
        const Expected<void> used = useCommands(options.commands);
        opened = bool(used);
        if (!opened)
            QTimer::singleShot(0, m_window, [this, error = used.error().message] {
                showError(m_window, tr("Commands not compared"),
                          tr("--command: %1\n\nThe window keeps %2.").arg(error, keptLabel()));
            });
    }
    if (!options.suiteFile.isEmpty()) {
        const Expected<void> suite = open(options.suiteFile);
        opened = bool(suite);
        if (!opened) // said once the window is up, over it
            QTimer::singleShot(0, m_window, [this, error = suite.error().message] {
                showError(m_window, tr("Suite not opened"),
                          tr("--suite %1\n\nThe window keeps %2.").arg(error, keptLabel()));
            });
    }
    if (!options.filters.isEmpty()) {
        QStringList ids;
        for (const SuiteWorkload* w : selectSuiteWorkloads(m_controller->suite(), options.filters))
            ids << w->info.id;
        m_tree->setCheckedIds(ids);
        if (ids.isEmpty())
            Q_EMIT status(tr("No workload of the suite matches %1.").arg(options.filters.join(QLatin1Char(' '))));
    }
    return opened;
}

} // namespace crucible::gui
