#pragma once

#include "Expected.h"
#include "Result.h"

#include <QString>

// A file of benchmark results in any format this program reads, told apart by its content
// (not its name): our results.json, Google Benchmark JSON, or hyperfine's --export-json.
namespace crucible {

enum class BenchmarkFileFormat { CrucibleResults, GoogleBenchmark, Hyperfine };

// "crucible-bench", "google-benchmark", "hyperfine": the history's source tag for imported runs.
QString sourceTag(BenchmarkFileFormat format);
// "crucible-bench results", "Google Benchmark JSON", "hyperfine JSON": for messages.
QString formatName(BenchmarkFileFormat format);

struct BenchmarkFile {
    BenchmarkFileFormat format = BenchmarkFileFormat::CrucibleResults;
    RunResult run;
    // SHA-256 of the file's bytes in hex: the same file imported twice has the same hash
    // (HistoryStore::runWithContent).
    QString contentHash;
};

// Reads and parses `path`. An input error names the file and, for broken JSON, the line and
// column, or for a wrong shape the key path.
Expected<BenchmarkFile> readBenchmarkFile(const QString& path);

} // namespace crucible
