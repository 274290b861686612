#include "HeadlessCommands.h"

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
        std::fprintf(stderr, "crucible-bench: %s: --import takes Google Benchmark or hyperfine JSON; this is a "
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
    const std::optional<qint64> id = store->recordRun(run, &error, sourceTag(file->format));
    if (!id) {
        std::fprintf(stderr, "crucible-bench: %s: not imported: %s\n", qPrintable(path), qPrintable(error));
        return ExitInternalError;
    }
    if (!options.saveBaseline.isEmpty() && !store->saveBaseline(options.saveBaseline, *id, &error)) {
        std::fprintf(stderr, "crucible-bench: --save-baseline: %s\n", qPrintable(error));
        return ExitInternalError;
    }
    std::printf("imported %s (%s): run %lld with %zu benchmark%s into %s\n", qPrintable(path),
                qPrintable(formatName(file->format)), static_cast<long long>(*id), run.results.size(),
                run.results.size() == 1 ? "" : "s", qPrintable(store->location()));
    if (!options.saveBaseline.isEmpty())
        std::printf("saved as baseline \"%s\"\n", qPrintable(options.saveBaseline));
    return ExitOk;
}

} // namespace crucible
