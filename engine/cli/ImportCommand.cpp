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
    Expected<BenchmarkFile> file = readBenchmarkFile(path);
    if (!file)
        return stopOn(file.error());
    if (file->format == BenchmarkFileFormat::CrucibleResults)
        return stopOn(Error::input(QStringLiteral("%1: --import takes Google Benchmark or hyperfine JSON; this is a "
                                                  "crucible-bench results file, whose run was recorded when it ran")
                                       .arg(path)));
    RunResult& run = file->run;
    // hyperfine writes no date (and old Google Benchmark versions none that can be read): the
    // file's modification time is when the measurements were written.
    if (!run.info.started.isValid()) {
        run.info.started = QFileInfo(path).lastModified();
        run.info.finished = run.info.started;
    }

    const Expected<std::unique_ptr<HistoryStore>> opened = HistoryStore::open(options.db);
    if (!opened)
        return stopOn(opened.error());
    HistoryStore* store = opened->get();
    const QString notImported = path + QStringLiteral(": not imported: ");
    // The same file twice would be two identical runs, counted twice in every trend and in the
    // run-to-run noise the verdicts learn: refused unless asked for.
    const Expected<std::optional<HistoryStore::RunRecord>> found = store->runWithContent(file->contentHash);
    if (!found)
        return stopOn(found.error().prefixed(notImported));
    const std::optional<HistoryStore::RunRecord>& earlier = *found;
    if (earlier && !options.force)
        return stopOn(
            Error::input(QStringLiteral("%1: already imported as run %2 (%3, %4) in %5: its content is the same "
                                        "(SHA-256 %6); nothing was imported. --force imports it again as "
                                        "another run")
                             .arg(path, QString::number(earlier->id), earlier->source,
                                  counted(earlier->workloadCount, QStringLiteral("benchmark")), store->location(),
                                  file->contentHash.left(12))));
    const Expected<qint64> id = store->recordRun(run, sourceTag(file->format), file->contentHash);
    if (!id)
        return stopOn(id.error().prefixed(notImported));
    if (!options.saveBaseline.isEmpty()) {
        if (const Expected<void> saved = store->saveBaseline(options.saveBaseline, *id); !saved)
            return stopOn(saved.error().prefixed(QStringLiteral("--save-baseline: ")));
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
