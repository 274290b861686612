#pragma once

#include "Expected.h"
#include "export/ExternalReport.h"

#include <QObject>
#include <QStringList>

#include <optional>

QT_BEGIN_NAMESPACE
class QMenu;
class QWidget;
QT_END_NAMESPACE

namespace crucible::gui {

class ExportJob;
class ShownRun;

// Writes the shown run's files: File ▸ Export shown run, History ▸ Export, and exports asked
// for by code. An export asked for while the shown run still waits for its verdicts,
// comparisons or trends is queued until the run is settled, so that it carries all of them.
// One export at a time, written off the GUI thread (ExportJob).
class ExportController : public QObject {
    Q_OBJECT
public:
    // `reports` are the formats the window writes beside the engine's; dialogs open over `window`.
    ExportController(ShownRun* shown, ExternalReports reports, QWidget* window);

    // Every format the window writes, in menu order: the engine's, then `reports`.
    QStringList allFormats() const;
    // File ▸ Export shown run: all formats (Ctrl+E), then each on its own.
    void addMenuTo(QMenu* file);

    // Starts writing the shown run's files in `formats` into `dir`; finished() follows, and the
    // status bar says how it went. The error when it cannot start (no run shown, an export
    // going). Shows no message box: the caller says what failed.
    Expected<void> exportShownRun(const QString& dir, const QStringList& formats);
    // Asks for the folder, then exports; finished() says how it went, and a failure is shown
    // over the window (showError()) too.
    void exportInteractively(const QStringList& formats);
    void exportAllInteractively() { exportInteractively(allFormats()); }

Q_SIGNALS:
    // The file names written into `dir`, or `error` naming the file.
    void finished(const QString& dir, const QStringList& written, const QString& error);
    // For the status bar.
    void status(const QString& message);

private:
    struct Format {
        QString name; // as --format takes it
        QString label;
    };
    struct Request {
        QString dir;
        QStringList formats;
        bool quiet; // the caller takes the error; no message box
    };
    QList<Format> formats() const;
    // Queues the export until the shown run is settled; `quiet`: no message box.
    Expected<void> queue(const QString& dir, const QStringList& formats, bool quiet);
    void startQueued();
    void onFinished(const QString& dir, const QStringList& written, const QString& error);

    ShownRun* m_shown;
    ExternalReports m_reports;
    QWidget* m_window;
    ExportJob* m_job;
    std::optional<Request> m_queued;
    bool m_quiet = false; // of the export being written
};

} // namespace crucible::gui
