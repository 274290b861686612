#pragma once

#include "Expected.h"
#include "ReportBlocks.h"
#include "Result.h"
#include "export/ExternalReport.h"

#include <QPageSize>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace crucible::report {

struct PdfOptions {
    QPageSize pageSize{QPageSize::A4}; // any size reads: the layout follows the page's paint rect
    bool plots = true;
    std::vector<WorkloadTrend> trends; // "Trend over history" (ReportOptions::trends)
    // Builds and draws each chart; empty: on the calling thread. A report written on a worker
    // thread passes ChartHandOff::drawer(), which draws the charts on the GUI thread.
    ChartDrawer drawChart;
};

// Writes the report of `run` as a PDF into `out` (open for writing). Needs a QGuiApplication,
// and a QApplication when plots are on (Qt Charts sits on Graphics View); headless runs get
// one on the offscreen platform. May run on any thread when `options.drawChart` draws the
// charts on the GUI thread (or there are none). Returns the number of pages written.
Expected<int> writePdfReport(const RunResult& run, QIODevice& out, const PdfOptions& options);

// The same, into memory.
Expected<QByteArray> renderPdfReport(const RunResult& run, const PdfOptions& options);

// The engine's hook for `--format pdf`: report.pdf, A4, plots as ReportOptions says; charts
// drawn by `drawChart` (PdfOptions::drawChart).
ExternalReport pdfReportFormat(ChartDrawer drawChart = {});

} // namespace crucible::report
