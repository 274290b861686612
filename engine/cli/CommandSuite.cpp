#include "CommandSuite.h"

#include "process/CommandWorkload.h"
#include "process/ShellWords.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <map>

namespace crucible {

namespace {

// One value of each parameter, the last parameter varying fastest (as a suite's params).
std::vector<std::map<QString, QString>> combinations(const std::vector<CommandParameter>& parameters)
{
    std::vector<std::map<QString, QString>> all{{}};
    for (const CommandParameter& p : parameters) {
        std::vector<std::map<QString, QString>> next;
        for (const auto& prefix : all) {
            for (const QString& value : p.values) {
                auto c = prefix;
                c[p.name] = value;
                next.push_back(std::move(c));
            }
        }
        all = std::move(next);
    }
    return all;
}

QString substituted(QString text, const std::map<QString, QString>& values)
{
    for (const auto& [name, value] : values)
        text.replace(QLatin1Char('{') + name + QLatin1Char('}'), value);
    return text;
}

QString idOf(const QString& label)
{
    static const QRegularExpression other(QStringLiteral("[^A-Za-z0-9._=:,+@%-]+"));
    QString id = label.trimmed();
    id.replace(other, QStringLiteral("_"));
    return id;
}

// The program must exist before anything runs: a typo is said now, naming the flag.
std::optional<QString> missingProgram(const QString& program)
{
    if (program.contains(QLatin1Char('/'))) {
        const QFileInfo file(program);
        if (!file.isFile() || !file.isExecutable())
            return QStringLiteral("no executable file \"%1\"").arg(program);
        return std::nullopt;
    }
    if (QStandardPaths::findExecutable(program).isEmpty())
        return QStringLiteral("no program \"%1\" in PATH").arg(program);
    return std::nullopt;
}

// A command line as argv: through the shell, or split into words as a shell would.
Expected<CommandSpec> specOf(const QString& flag, const QString& commandLine, const CommandLineCommands& commands)
{
    CommandSpec spec;
    spec.timeoutSeconds = 0; // as hyperfine: a command may take as long as it takes; Ctrl-C stops it
    if (!commands.shell.isEmpty()) {
        spec.argv = commands.shell;
        spec.argv << QStringLiteral("-c") << commandLine;
    } else {
        Expected<QStringList> words = splitShellWords(commandLine);
        if (!words)
            return words.error().prefixed(flag + QStringLiteral(": "));
        spec.argv = std::move(*words);
    }
    if (std::optional<QString> missing = missingProgram(spec.argv.constFirst()))
        return Error::input(QStringLiteral("%1 \"%2\": %3").arg(flag, commandLine, *missing));
    return spec;
}

} // namespace

Expected<Suite> commandLineSuite(const CommandLineCommands& commands)
{
    // A device or a named pipe will do (/dev/zero), a directory will not.
    if (!commands.inputFile.isEmpty()
        && (!QFileInfo::exists(commands.inputFile) || QFileInfo(commands.inputFile).isDir()))
        return Error::input(QStringLiteral("--input: no such file \"%1\"").arg(commands.inputFile));
    Suite suite;
    suite.name = kCommandSuiteName;
    suite.fileName = QStringLiteral("the command line");
    suite.interleaved = true;
    std::map<QString, int> idCount;
    for (qsizetype i = 0; i < commands.commands.size(); ++i) {
        const QString& command = commands.commands[i];
        const QString name = commands.names.isEmpty() ? QString() : commands.names[i];
        const QString prepare = commands.prepare.isEmpty() ? QString()
            : commands.prepare.size() == 1                 ? commands.prepare.constFirst()
                                                           : commands.prepare[i];
        QString baseId = idOf(name.isEmpty() ? command : name);
        // "a b" and "a_b" make the same id: the later one is told apart by its position.
        if (const int seen = idCount[baseId]++; seen > 0)
            baseId += QStringLiteral("#%1").arg(seen + 1);
        for (const std::map<QString, QString>& values : combinations(commands.parameters)) {
            SuiteWorkload w;
            w.kind = SuiteWorkload::Kind::Command;
            w.baseId = baseId;
            w.info.id = baseId;
            w.info.category = Category::External;
            w.info.operation = QStringLiteral("run");
            for (const auto& [key, value] : values) {
                w.info.id += QStringLiteral("/%1=%2").arg(key, value);
                w.info.parameters.insert(key, value);
                w.parameters.insert(key, value);
            }
            const QString commandLine = substituted(command, values);
            Expected<CommandSpec> spec = specOf(QStringLiteral("--command"), commandLine, commands);
            if (!spec)
                return spec.error();
            spec->expectedExit = commands.ignoreFailure ? std::nullopt : std::optional<int>(0);
            spec->stdinPath = commands.inputFile;
            w.command = std::move(*spec);
            w.info.description = name.isEmpty() ? commandLine : substituted(name, values);
            for (const auto& [flag, text, target] :
                 {std::tuple{QStringLiteral("--prepare"), prepare, &w.prepareEachRun},
                  std::tuple{QStringLiteral("--setup"), commands.setup, &w.prepare},
                  std::tuple{QStringLiteral("--cleanup"), commands.cleanup, &w.cleanup}}) {
                if (text.isEmpty())
                    continue;
                Expected<CommandSpec> helper = specOf(flag, substituted(text, values), commands);
                if (!helper)
                    return helper.error();
                *target = std::move(*helper);
            }
            suite.workloads.push_back(std::move(w));
        }
    }
    return suite;
}

} // namespace crucible
