#pragma once

#include "Result.h"

#include <QStringList>

namespace crucible {

// Creates the output directory if needed and checks that files can be written into it.
bool prepareOutputDirectory(const QString& dir, QString* error);

// Writes the run's files for the given formats (json → results.json, csv → summary.csv and
// samples.csv, md → summary.md). Each file is written to a temporary and renamed into place
// (QSaveFile), so a reader never sees half a file and a failed write leaves the old one.
// Returns the names written; on failure sets `error` naming the file.
QStringList writeReportFiles(const RunResult& run, const QString& dir, const QStringList& formats, QString* error);

} // namespace crucible
