#pragma once

#include <QString>
#include <QStringList>

#include <array>

namespace crucible {

// A format the engine writes itself (ReportFiles.h): its --format name and the files it makes
// in the output directory. The one list every face takes its formats from: --format checks
// names against it, writeReportFiles() writes it, the window's File ▸ Export menu offers it.
struct EngineFormat {
    const char* name;  // as --format takes it
    const char* title; // for a menu: "JUnit XML"
    const char* files; // what it writes, comma-separated: "summary.csv, samples.csv"
};

inline constexpr std::array<EngineFormat, 6> kEngineFormats{{
    {"json", "JSON", "results.json"},
    {"csv", "CSV", "summary.csv, samples.csv"},
    {"md", "Markdown", "summary.md"},
    {"gbench", "Google Benchmark JSON", "gbench.json"},
    {"junit", "JUnit XML", "junit.xml"},
    {"bmf", "Bencher Metric Format", "bmf.json"},
}};

// Whether the engine writes `format` itself (the others, pdf, come from the application).
bool isEngineFormat(const QString& format);

// The names --format knows, in the order the help lists them: the engine's, with `external`
// (the formats the application draws, such as pdf) after md.
QStringList reportFormatNames(const QStringList& external);

} // namespace crucible
