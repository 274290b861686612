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

Expected<BenchmarkFile> readBenchmarkFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::input(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    const QString where = path + QStringLiteral(": ");
    const Expected<QJsonDocument> document = parseJsonDocument(bytes);
    if (!document)
        return document.error().prefixed(where);
    const QJsonObject root = document->object();
    BenchmarkFile result;
    Expected<RunResult> run;
    if (root.contains(QStringLiteral("schema"))) {
        result.format = BenchmarkFileFormat::CrucibleResults;
        run = runFromJson(bytes);
        if (!run)
            return run.error().prefixed(where); // our own reader does not know the file's name
    } else if (looksLikeGbenchJson(root)) {
        result.format = BenchmarkFileFormat::GoogleBenchmark;
        run = parseGbenchJson(bytes, path);
    } else if (looksLikeHyperfineJson(root)) {
        result.format = BenchmarkFileFormat::Hyperfine;
        run = parseHyperfineJson(bytes, path);
    } else {
        return Error::input(
            where
            + QStringLiteral("neither crucible-bench results, Google Benchmark JSON nor hyperfine JSON "
                             "(expected an object with a \"schema\", \"benchmarks\" or \"results\" key)"));
    }
    if (!run)
        return run.error();
    result.run = std::move(*run);
    result.contentHash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    return result;
}

} // namespace crucible
