#pragma once

#include "ExternalReport.h"
#include "Result.h"

#include <QStringList>

namespace crucible {

// Writes `bytes` to `path` through a temporary renamed into place (QSaveFile): a reader never
// sees half a file, and a failed write leaves the old one. The error names the path.
Expected<void> writeFileAtomically(const QString& path, const QByteArray& bytes);

// Creates the output directory if needed and checks that files can be written into it. The
// input error says what is wrong with `dir`, naming it.
Expected<void> prepareOutputDirectory(const QString& dir);

// The first of `formats` that neither the engine nor `external` can write, or an empty string:
// checked before a run, so that a missing writer is found before minutes of measuring.
QString formatWithoutWriter(const QStringList& formats, const ExternalReports& external);

// Writes the run's files for the given formats (json → results.json, csv → summary.csv and
// samples.csv, md → summary.md, gbench → gbench.json, junit → junit.xml, bmf → bmf.json:
// ReportFormats.h lists them). Each file is written to a temporary and renamed into place
// (QSaveFile), so a reader never sees half a file and a failed write leaves the old one.
// Formats the engine cannot draw itself (pdf) come from `external`; a format asked for that
// neither the engine nor `external` writes is an internal error naming it.
// Returns the names written. The first file that cannot be written stops the rest; the error
// names it, and the files written before it stay.
Expected<QStringList> writeReportFiles(const RunResult& run, const QString& dir, const QStringList& formats,
                                       const ExternalReports& external = {}, const ReportOptions& options = {});

} // namespace crucible
