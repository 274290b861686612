#include "PdfReport.h"

#include "ReportContent.h"
#include "ReportLayout.h"
#include "ReportPainter.h"

#include <QApplication>
#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>

namespace crucible::report {

namespace {
// Device units per inch. The PDF is vector output whatever this is; it only sets the grid
// that coordinates snap to, and 1200 keeps hairlines and small text placed exactly.
constexpr int kResolution = 1200;
} // namespace

Expected<int> writePdfReport(const RunResult& run, QIODevice& out, const PdfOptions& options)
{
    // A program that draws a PDF without the application object it needs is a bug of that program.
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return Error::internal(QStringLiteral("the PDF report needs a QGuiApplication (fonts and painting)"));
    if (options.plots && !qobject_cast<QApplication*>(QCoreApplication::instance()))
        return Error::internal(
            QStringLiteral("charts in the PDF report need a QApplication (Qt Charts uses Graphics View)"));

    QPdfWriter writer(&out);
    writer.setResolution(kResolution);
    writer.setPageLayout(
        QPageLayout(options.pageSize, QPageLayout::Portrait, QMarginsF(15, 14, 15, 14), QPageLayout::Millimeter));
    writer.setTitle(QStringLiteral("Crucible Bench report: %1").arg(run.info.suiteName));
    writer.setCreator(QStringLiteral("crucible-bench %1").arg(run.info.toolVersion));

    ReportOptions content;
    content.plots = options.plots;
    content.trends = options.trends;
    const ReportDocument document = buildReport(run, content);
    const Typography type(writer);
    // Painting happens relative to the paint rect's origin (QPdfWriter's painter starts there),
    // so the frame is built at (0, 0) with the paint rect's size.
    const QRectF paintRect(QPointF(0, 0), writer.pageLayout().paintRectPixels(kResolution).size());
    const PageFrame frame = pageFrame(paintRect, type);
    const ReportLayout layout = layoutReport(document, type, frame.body);

    QPainter painter;
    if (!painter.begin(&writer))
        return Error::internal(QStringLiteral("cannot start the PDF: %1").arg(out.errorString()));
    painter.setRenderHint(QPainter::Antialiasing);
    for (std::size_t i = 0; i < layout.pages.size(); ++i) {
        if (i > 0)
            writer.newPage();
        paintPage(painter, document, layout, i, type, frame, options.drawChart);
    }
    painter.end();
    return int(layout.pages.size());
}

Expected<QByteArray> renderPdfReport(const RunResult& run, const PdfOptions& options)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (const Expected<int> written = writePdfReport(run, buffer, options); !written)
        return written.error();
    return buffer.data();
}

ExternalReport pdfReportFormat(ChartDrawer drawChart)
{
    return {QStringLiteral("pdf"), QStringLiteral("report.pdf"),
            [drawChart = std::move(drawChart)](const RunResult& run, const ReportOptions& options) {
                PdfOptions pdf;
                pdf.plots = options.plots;
                pdf.trends = options.trends;
                pdf.drawChart = drawChart;
                return renderPdfReport(run, pdf);
            }};
}

} // namespace crucible::report
