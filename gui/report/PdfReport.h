#pragma once

#include "ReportBlocks.h"
#include "Result.h"
#include "export/ExternalReport.h"

#include <QPageSize>

#include <optional>

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
// charts on the GUI thread (or there are none). On failure returns false with *error set. `pageCount`, when
// given, receives the number of pages.
bool writePdfReport(const RunResult& run, QIODevice& out, const PdfOptions& options, QString* error,
                    int* pageCount = nullptr);

// The same, into memory.
std::optional<QByteArray> renderPdfReport(const RunResult& run, const PdfOptions& options, QString* error);

// The engine's hook for `--format pdf`: report.pdf, A4, plots as ReportOptions says; charts
// drawn by `drawChart` (PdfOptions::drawChart).
ExternalReport pdfReportFormat(ChartDrawer drawChart = {});

} // namespace crucible::report
