#include "ExportController.h"

#include "ErrorMessage.h"
#include "ExportJob.h"
#include "SettingsKeys.h"
#include "ShownRun.h"
#include "export/ReportFormats.h"

#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QSettings>

namespace crucible::gui {

ExportController::ExportController(ShownRun* shown, ExternalReports reports, QWidget* window)
    : QObject(window), m_shown(shown), m_reports(std::move(reports)), m_window(window), m_job(new ExportJob(this))
{
    connect(m_job, &ExportJob::finished, this, &ExportController::onFinished);
    connect(m_shown, &ShownRun::settled, this, &ExportController::startQueued);
}

QList<ExportController::Format> ExportController::formats() const
{
    // The engine's formats (the list --format checks), with the window's own after Markdown,
    // in the order of --help.
    QList<Format> formats;
    for (const EngineFormat& f : kEngineFormats) {
        formats.append({QLatin1String(f.name), tr("%1 (%2)").arg(QLatin1String(f.title), QLatin1String(f.files))});
        if (formats.constLast().name == QLatin1String("md"))
            for (const ExternalReport& r : m_reports)
                formats.append({r.format, tr("%1 (%2)").arg(r.format.toUpper(), r.fileName)});
    }
    return formats;
}

QStringList ExportController::allFormats() const
{
    QStringList names;
    for (const Format& f : formats())
        names << f.name;
    return names;
}

void ExportController::addMenuTo(QMenu* file)
{
    QMenu* menu = file->addMenu(tr("&Export shown run"));
    QAction* all = menu->addAction(tr("All formats…"), this, &ExportController::exportAllInteractively);
    all->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    for (const Format& f : formats())
        menu->addAction(tr("%1…").arg(f.label), this, [this, name = f.name] { exportInteractively({name}); });
}

Expected<void> ExportController::exportShownRun(const QString& dir, const QStringList& formats)
{
    return queue(dir, formats, true);
}

void ExportController::exportInteractively(const QStringList& formats)
{
    QSettings settings;
    const QString dir = QFileDialog::getExistingDirectory(m_window, tr("Export into folder"),
                                                          settings.value(settings::kExportDir).toString());
    if (dir.isEmpty())
        return;
    settings.setValue(settings::kExportDir, dir);
    // Once started, onFinished() says how it went.
    if (const Expected<void> queued = queue(dir, formats, false); !queued)
        showError(m_window, tr("Export failed"), queued.error().message);
}

Expected<void> ExportController::queue(const QString& dir, const QStringList& formats, bool quiet)
{
    if (!m_shown->run())
        return Error::usage(tr("There is no finished run to export yet."));
    if (m_job->isRunning() || m_queued)
        return Error::usage(tr("An export is still being written."));
    m_queued = Request{dir, formats, quiet};
    startQueued();
    return {};
}

void ExportController::startQueued()
{
    if (!m_queued)
        return;
    if (m_shown->state() != ShownRun::State::Settled) {
        Q_EMIT status(tr("The export waits for the run's comparisons and trends…"));
        return;
    }
    const Request request = *std::exchange(m_queued, std::nullopt);
    m_quiet = request.quiet;
    ReportOptions options;
    options.trends = m_shown->trends(); // the PDF's trend over history
    m_job->start(*m_shown->run(), request.dir, request.formats, m_reports, options);
    Q_EMIT status(tr("Writing %1 into %2…")
                      .arg(request.formats.join(QStringLiteral(", ")), QDir::toNativeSeparators(request.dir)));
}

void ExportController::onFinished(const QString& dir, const QStringList& written, const QString& error)
{
    const QString where = QDir::toNativeSeparators(dir);
    if (error.isEmpty()) {
        Q_EMIT status(tr("Exported %1 to %2").arg(written.join(QStringLiteral(", ")), where));
    } else {
        Q_EMIT status(tr("Export failed: %1").arg(error));
        if (!m_quiet)
            showError(m_window, tr("Export failed"), error);
    }
    Q_EMIT finished(dir, written, error);
}

} // namespace crucible::gui
