#include "BenchmarkFile.h"

#include "GbenchJson.h"
#include "HyperfineJson.h"
#include "JsonSyntax.h"
#include "interop/ResultsJson.h"
#include "interop/RunSource.h"

#include <QCryptographicHash>
#include <QFile>

namespace crucible {

QString sourceTag(BenchmarkFileFormat format)
{
    switch (format) {
    case BenchmarkFileFormat::GoogleBenchmark:
        return QStringLiteral("google-benchmark");
    case BenchmarkFileFormat::Hyperfine:
        return QStringLiteral("hyperfine");
    case BenchmarkFileFormat::CrucibleResults:
        break;
    }
    return kHeadlessRunSource;
}

QString formatName(BenchmarkFileFormat format)
{
    switch (format) {
    case BenchmarkFileFormat::GoogleBenchmark:
        return QStringLiteral("Google Benchmark JSON");
    case BenchmarkFileFormat::Hyperfine:
        return QStringLiteral("hyperfine JSON");
    case BenchmarkFileFormat::CrucibleResults:
        break;
    }
    return QStringLiteral("crucible-bench results");
}

std::optional<BenchmarkFile> readBenchmarkFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    QString problem;
    const std::optional<QJsonDocument> document = parseJsonDocument(bytes, &problem);
    if (!document) {
        *error = QStringLiteral("%1: %2").arg(path, problem);
        return std::nullopt;
    }
    const QJsonObject root = document->object();
    BenchmarkFile result;
    std::optional<RunResult> run;
    if (root.contains(QStringLiteral("schema"))) {
        result.format = BenchmarkFileFormat::CrucibleResults;
        run = runFromJson(bytes, &problem);
        if (!run)
            problem = QStringLiteral("%1: %2").arg(path, problem);
    } else if (looksLikeGbenchJson(root)) {
        result.format = BenchmarkFileFormat::GoogleBenchmark;
        run = parseGbenchJson(bytes, path, &problem);
    } else if (looksLikeHyperfineJson(root)) {
        result.format = BenchmarkFileFormat::Hyperfine;
        run = parseHyperfineJson(bytes, path, &problem);
    } else {
        problem = QStringLiteral("%1: neither crucible-bench results, Google Benchmark JSON nor hyperfine JSON "
                                 "(expected an object with a \"schema\", \"benchmarks\" or \"results\" key)")
                      .arg(path);
    }
    if (!run) {
        *error = problem;
        return std::nullopt;
    }
    result.run = std::move(*run);
    result.contentHash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    return result;
}

} // namespace crucible
