#pragma once

#include "Expected.h"
#include "Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// Reading hyperfine's --export-json output as a RunResult.
namespace crucible {

// One Result per results[] entry; see docs/SPEC.md "Importing hyperfine JSON" for the mapping.
// An input error names the file and either the line and column (broken JSON) or the key path
// (e.g. "results[0].times[2]: expected a number").
Expected<RunResult> parseHyperfineJson(const QByteArray& bytes, const QString& fileName);

// Whether a parsed top-level object looks like hyperfine's export (a "results" key, and neither
// our "schema" nor Google Benchmark's "benchmarks"), to pick the reader; the reader then says
// what is wrong with it.
bool looksLikeHyperfineJson(const QJsonObject& root);

} // namespace crucible
