#pragma once

#include "Expected.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QCommandLineParser;

namespace crucible {

struct CommandLineOptions;

// A parameter of --parameter-scan or --parameter-list: "{name}" in the commands takes each value.
struct CommandParameter {
    QString name;
    QStringList values; // as substituted, in order
};

// Commands given on the command line (--command, hyperfine's flags), measured interleaved
// without a suite file (SPEC.md "Commands from the command line").
struct CommandLineCommands {
    QStringList commands; // --command, in order
    QStringList names;    // --command-name: none, or one per command
    QStringList shell;    // --shell's argv ("bash --norc" split); empty: no shell
    QStringList prepare;  // --prepare: none, one for every command, or one per command
    QString setup;        // --setup: once per command before its first run (empty: none)
    QString cleanup;      // --cleanup: once per command after its last run (empty: none)
    std::vector<CommandParameter> parameters;
    bool ignoreFailure = false; // --ignore-failure: any exit code counts as a run
    QString inputFile;          // --input: the commands' standard input (empty: /dev/null)
    // hyperfine's export shapes (engine/export/HyperfineExport.h), beside the run's own files;
    // empty: not written.
    QString exportJson;
    QString exportMarkdown;
    QString exportCsv;

    bool given() const { return !commands.isEmpty(); }
};

// --shell's value as argv: empty for "none", sh for "default", else SHELL split into words
// ("bash --norc"). An input error when it is empty or does not split.
Expected<QStringList> shellArgv(const QString& shell);

// The flags above, for the parser and for --help. --parameter-scan and --parameter-list take
// more than one value, which QCommandLineParser cannot: takeMultiValueFlags() removes them from
// argv first, and they are listed here for --help and for did-you-mean only.
QList<QCommandLineOption> commandFlagOptions();

// argv without --parameter-scan NAME MIN MAX / -P and --parameter-list NAME VALUES / -L, whose
// values are kept aside for readCommandFlags(). An argument after "--" is never a flag.
struct MultiValueFlags {
    QStringList arguments;
    std::vector<QStringList> scans; // [NAME, MIN, MAX]
    std::vector<QStringList> lists; // [NAME, VALUES]
    QString error;                  // a flag without all of its values
};
MultiValueFlags takeMultiValueFlags(const QStringList& arguments);

// Reads the command flags into opts.commands and their measurement settings (--runs,
// --min-runs, --warmup) into opts.settings. The error names the flag.
std::optional<QString> readCommandFlags(const QCommandLineParser& parser, const MultiValueFlags& multi,
                                        CommandLineOptions& opts);

} // namespace crucible
