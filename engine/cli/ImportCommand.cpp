#include "HeadlessCommands.h"

#include "Counted.h"
#include "history/HistoryStore.h"
#include "interop/BenchmarkFile.h"

#include <QFileInfo>

#include <cstdio>

// --import FILE: a Google Benchmark or hyperfine JSON file recorded into the history as a run,
// so that it shows in trends and can serve as a baseline like a run of our own.
namespace crucible {

int importBenchmarkFile(const CommandLineOptions& options)
{
    const QString& path = options.importFile;
    QString error;
    std::optional<BenchmarkFile> file = readBenchmarkFile(path, &error);
    if (!file) {
        std::fprintf(stderr, "crucible-bench: %s\n", qPrintable(error));
        return ExitUsageError;
    }
    if (file->format == BenchmarkFileFormat::CrucibleResults) {
        std::fprintf(stderr,
                     "crucible-bench: %s: --import takes Google Benchmark or hyperfine JSON; this is a "
                     "crucible-bench results file, whose run was recorded when it ran\n",
                     qPrintable(path));
        return ExitUsageError;
    }
    RunResult& run = file->run;
    // hyperfine writes no date (and old Google Benchmark versions none that can be read): the
    // file's modification time is when the measurements were written.
    if (!run.info.started.isValid()) {
        run.info.started = QFileInfo(path).lastModified();
        run.info.finished = run.info.started;
    }

    const std::unique_ptr<HistoryStore> store = HistoryStore::open(options.db, &error);
    if (!store) {
        std::fprintf(stderr, "crucible-bench: %s\n", qPrintable(error));
        return ExitUsageError;
    }
    // The same file twice would be two identical runs, counted twice in every trend and in the
    // run-to-run noise the verdicts learn: refused unless asked for.
    const std::optional<HistoryStore::RunRecord> earlier = store->runWithContent(file->contentHash, &error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "crucible-bench: %s: not imported: %s\n", qPrintable(path), qPrintable(error));
        return ExitInternalError;
    }
    if (earlier && !options.force) {
        std::fprintf(stderr,
                     "crucible-bench: %s: already imported as run %lld (%s, %s) in %s: its content is the same "
                     "(SHA-256 %s); nothing was imported. --force imports it again as another run\n",
                     qPrintable(path), static_cast<long long>(earlier->id), qPrintable(earlier->source),
                     qPrintable(counted(earlier->workloadCount, QStringLiteral("benchmark"))),
                     qPrintable(store->location()), qPrintable(file->contentHash.left(12)));
        return ExitUsageError;
    }
    const std::optional<qint64> id = store->recordRun(run, &error, sourceTag(file->format), file->contentHash);
    if (!id) {
        std::fprintf(stderr, "crucible-bench: %s: not imported: %s\n", qPrintable(path), qPrintable(error));
        return ExitInternalError;
    }
    if (!options.saveBaseline.isEmpty() && !store->saveBaseline(options.saveBaseline, *id, &error)) {
        std::fprintf(stderr, "crucible-bench: --save-baseline: %s\n", qPrintable(error));
        return ExitInternalError;
    }
    std::printf("imported %s (%s): run %lld with %s into %s\n", qPrintable(path), qPrintable(formatName(file->format)),
                static_cast<long long>(*id),
                qPrintable(counted(qint64(run.results.size()), QStringLiteral("benchmark"))),
                qPrintable(store->location()));
    if (earlier)
        std::printf("(--force: the same content as run %lld)\n", static_cast<long long>(earlier->id));
    if (!options.saveBaseline.isEmpty())
        std::printf("saved as baseline \"%s\"\n", qPrintable(options.saveBaseline));
    return ExitOk;
}

} // namespace crucible
