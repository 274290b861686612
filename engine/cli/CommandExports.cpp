#include "CommandExports.h"

#include "export/HyperfineExport.h"
#include "export/ReportFiles.h"

#include <QDir>
#include <QFileInfo>

namespace crucible {

namespace {

struct ExportFile {
    const char* flag;
    const QString* path;
    QByteArray (*write)(const RunResult&);
};

std::vector<ExportFile> exportsOf(const CommandLineCommands& c)
{
    return {{"--export-json", &c.exportJson, hyperfine::exportJson},
            {"--export-markdown", &c.exportMarkdown, hyperfine::exportMarkdown},
            {"--export-csv", &c.exportCsv, hyperfine::exportCsv}};
}

} // namespace

Expected<void> checkCommandExports(const CommandLineCommands& commands)
{
    for (const ExportFile& e : exportsOf(commands)) {
        if (e.path->isEmpty())
            continue;
        const QFileInfo file(*e.path);
        if (file.isDir())
            return Error::input(QStringLiteral("%1 '%2': is a directory").arg(QLatin1String(e.flag), *e.path));
        if (!file.absoluteDir().exists())
            return Error::input(
                QStringLiteral("%1 '%2': no directory '%3'").arg(QLatin1String(e.flag), *e.path, file.absolutePath()));
    }
    return {};
}

Expected<QStringList> writeCommandExports(const RunResult& run, const CommandLineCommands& commands)
{
    QStringList written;
    for (const ExportFile& e : exportsOf(commands)) {
        if (e.path->isEmpty())
            continue;
        if (const Expected<void> done = writeFileAtomically(*e.path, e.write(run)); !done)
            return done.error().prefixed(QLatin1String(e.flag) + QLatin1Char(' '));
        written << *e.path;
    }
    return written;
}

} // namespace crucible
