#include "ExportJob.h"

#include "PdfReport.h"
#include "export/ReportFiles.h"

#include <QtConcurrent>

namespace crucible::gui {

namespace {

// `reports` with the PDF writer replaced by one for a worker thread, whose charts `charts`
// draws on the GUI thread. A PDF whose charts were cancelled is not written.
ExternalReports forWorkerThread(const ExternalReports& reports, const report::ChartHandOff& charts)
{
    ExternalReports out;
    for (const ExternalReport& r : reports) {
        if (r.format != QLatin1String("pdf")) {
            out.push_back(r);
            continue;
        }
        ExternalReport pdf = report::pdfReportFormat(charts.drawer());
        pdf.fileName = r.fileName;
        pdf.render = [render = std::move(pdf.render), charts](const RunResult& run,
                                                              const ReportOptions& options) -> Expected<QByteArray> {
            Expected<QByteArray> bytes = render(run, options);
            if (charts.cancelled())
                return Error::internal(
                    QStringLiteral("%1: the export was cancelled").arg(QStringLiteral("report.pdf")));
            return bytes;
        };
        out.push_back(std::move(pdf));
    }
    return out;
}

} // namespace

ExportJob::ExportJob(QObject* parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        const Outcome outcome = m_watcher.result();
        Q_EMIT finished(m_dir, outcome.written, outcome.error);
    });
}

ExportJob::~ExportJob()
{
    if (!isRunning())
        return;
    // The worker may be waiting for a chart from this (GUI) thread, which will not come while
    // it waits here: cancelled, it stops waiting and skips the remaining charts.
    m_charts->cancel();
    m_watcher.waitForFinished();
}

bool ExportJob::start(RunResult run, const QString& dir, const QStringList& formats, const ExternalReports& reports,
                      ReportOptions options)
{
    if (isRunning())
        return false;
    m_charts = std::make_unique<report::ChartHandOff>(this);
    m_dir = dir;
    m_watcher.setFuture(
        QtConcurrent::run([run = std::move(run), dir, formats, reports = forWorkerThread(reports, *m_charts),
                           options = std::move(options)] {
            Outcome o;
            if (const Expected<void> prepared = prepareOutputDirectory(dir); !prepared) {
                o.error = prepared.error().message;
                return o;
            }
            Expected<QStringList> written = writeReportFiles(run, dir, formats, reports, options);
            if (written)
                o.written = std::move(*written);
            else
                o.error = written.error().message;
            return o;
        }));
    return true;
}

bool ExportJob::isRunning() const
{
    return m_watcher.isRunning();
}

} // namespace crucible::gui
