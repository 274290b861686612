#pragma once

#include "Expected.h"
#include "Result.h"
#include "history/WorkloadTrend.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <vector>

namespace crucible {

// What every report honours, whoever draws it.
struct ReportOptions {
    bool plots = true; // --no-plots or CRITERION_PLOTTING=0 leave charts out; text and tables stay
    // The run's workloads over earlier runs of the same suite on the same host, for the PDF's
    // "Trend over history" (history/WorkloadTrend.h loadRunTrends); empty without a history.
    std::vector<WorkloadTrend> trends;
};

// A report format whose writer lives above the engine. The PDF report draws with Qt Charts and
// QPainter, which the engine must not link (DESIGN.md "Layers"), so the application hands the
// engine a renderer and the engine writes the bytes it returns like any of its own files:
// atomically, under a fixed name, with errors that name the file.
//
// A plain value rather than an interface or a global registry: there is one operation and no
// state, it is passed explicitly from main() down to writeReportFiles() (no static
// registration order, nothing hidden), and a test can hand in a lambda.
struct ExternalReport {
    QString format;   // the --format name, e.g. "pdf"
    QString fileName; // in the output directory, e.g. "report.pdf"
    // The file's bytes, or why there are none (writeReportFiles names the file). Called on the
    // thread that owns the application object (the PDF writer paints with QPainter), unless the
    // writer was made for another thread (the window's exports: report::pdfReportFormat with a
    // ChartHandOff).
    std::function<Expected<QByteArray>(const RunResult&, const ReportOptions&)> render;
};
using ExternalReports = std::vector<ExternalReport>;

} // namespace crucible
