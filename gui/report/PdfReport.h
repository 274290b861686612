#pragma once

#include "ExternalReport.h"
#include "Result.h"

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
};

// Writes the report of `run` as a PDF into `out` (open for writing). Needs a QGuiApplication,
// and a QApplication when plots are on (Qt Charts sits on Graphics View); headless runs get
// one on the offscreen platform. On failure returns false with *error set. `pageCount`, when
// given, receives the number of pages.
bool writePdfReport(const RunResult& run, QIODevice& out, const PdfOptions& options, QString* error,
                    int* pageCount = nullptr);

// The same, into memory.
std::optional<QByteArray> renderPdfReport(const RunResult& run, const PdfOptions& options, QString* error);

// The engine's hook for `--format pdf`: report.pdf, A4, plots as ReportOptions says.
ExternalReport pdfReportFormat();

} // namespace crucible::report
