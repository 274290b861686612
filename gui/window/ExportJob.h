#pragma once

#include "ChartHandOff.h"
#include "Result.h"
#include "export/ExternalReport.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <memory>

namespace crucible::gui {

// Writes a run's report files on a worker thread, so that the window stays responsive while a
// long PDF renders: everything but the charts is done there, and the charts are drawn on the
// GUI thread one at a time between its other events (report::ChartHandOff). One export at a
// time. Destroying the job cancels an export going on and waits for it; a cancelled PDF is not
// written (files finished before stay, each written atomically).
class ExportJob : public QObject {
    Q_OBJECT
public:
    explicit ExportJob(QObject* parent = nullptr);
    ~ExportJob() override;

    // Starts writing `formats` of `run` into `dir` (created if needed). `reports` are the
    // window's writers for the formats the engine does not write; the PDF's is replaced by one
    // that hands its charts to the GUI thread. False when an export is already going.
    bool start(RunResult run, const QString& dir, const QStringList& formats, const ExternalReports& reports,
               ReportOptions options);
    bool isRunning() const;

Q_SIGNALS:
    // The file names written into `dir`; `error` is empty on success, else names the file.
    void finished(const QString& dir, const QStringList& written, const QString& error);

private:
    struct Outcome {
        QStringList written;
        QString error;
    };

    std::unique_ptr<report::ChartHandOff> m_charts;
    QFutureWatcher<Outcome> m_watcher;
    QString m_dir;
};

} // namespace crucible::gui
