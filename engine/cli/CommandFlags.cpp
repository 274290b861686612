// The hyperfine-style flags of SPEC.md "Commands from the command line": parsed here, turned
// into a suite by commandLineSuite() (engine/cli/CommandSuite.h).
#include "CommandFlags.h"

#include "CommandLine.h"
#include "process/ShellWords.h"
#include "suite/Suite.h"

#include <QCommandLineParser>
#include <QRegularExpression>

#include <cmath>

namespace crucible {

namespace {

QCommandLineOption option(const QStringList& names, const char* help, const char* valueName = nullptr)
{
    return valueName ? QCommandLineOption(names, QLatin1String(help), QLatin1String(valueName))
                     : QCommandLineOption(names, QLatin1String(help));
}

// The option names, as the parser looks them up.
const QString kCommand = QStringLiteral("command");
const QString kCommandName = QStringLiteral("command-name");
const QString kShell = QStringLiteral("shell");
const QString kNoShell = QStringLiteral("N");
const QString kPrepare = QStringLiteral("prepare");
const QString kSetup = QStringLiteral("setup");
const QString kCleanup = QStringLiteral("cleanup");
const QString kWarmup = QStringLiteral("warmup");
const QString kRuns = QStringLiteral("runs");
const QString kMinRuns = QStringLiteral("min-runs");
const QString kStepSize = QStringLiteral("parameter-step-size");
const QString kIgnoreFailure = QStringLiteral("ignore-failure");
const QString kInput = QStringLiteral("input");
const QString kExportJson = QStringLiteral("export-json");
const QString kExportMarkdown = QStringLiteral("export-markdown");
const QString kExportCsv = QStringLiteral("export-csv");

// The flags that take more than one value, with their short names and value counts.
struct MultiValueFlag {
    const char* name;
    const char* shortName;
    int values;
    const char* usage;
};
constexpr MultiValueFlag kScan{"parameter-scan", "P", 3, "--parameter-scan NAME MIN MAX"};
constexpr MultiValueFlag kList{"parameter-list", "L", 2, "--parameter-list NAME a,b,c"};

// --name, -name (single-dash words are long options here) or -P.
bool isFlag(const QString& argument, const MultiValueFlag& flag)
{
    const QString name = QString::fromLatin1(flag.name);
    return argument == QStringLiteral("--") + name || argument == QStringLiteral("-") + name
        || argument == QStringLiteral("-") + QString::fromLatin1(flag.shortName);
}

std::optional<int> wholeNumber(const QString& text, int least)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < least)
        return std::nullopt;
    return n;
}

// Decimal places of a number as written ("0.25" → 2), so that a scan prints 0.3, not 0.30000000000000004.
int decimalsOf(const QString& text)
{
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    return dot < 0 ? 0 : int(text.size() - dot - 1);
}

const QRegularExpression& parameterNamePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return pattern;
}

// --parameter-scan NAME MIN MAX [--parameter-step-size D]: MIN, MIN+D, … up to MAX; without D,
// MIN and MAX are whole numbers and the step is 1 (as hyperfine).
std::optional<QString> readScan(const QStringList& scan, const QString& stepText, CommandParameter& parameter)
{
    const QString usage = QLatin1String(kScan.usage);
    bool minOk = false;
    bool maxOk = false;
    const double min = scan[1].toDouble(&minOk);
    const double max = scan[2].toDouble(&maxOk);
    if (!minOk || !maxOk || !std::isfinite(min) || !std::isfinite(max))
        return QStringLiteral("%1: expected numbers for MIN and MAX, got \"%2\" and \"%3\"")
            .arg(usage, scan[1], scan[2]);
    if (max < min)
        return QStringLiteral("%1: MAX (%2) is below MIN (%3)").arg(usage, scan[2], scan[1]);
    double step = 1;
    int decimals = 0;
    if (stepText.isEmpty()) {
        if (decimalsOf(scan[1]) > 0 || decimalsOf(scan[2]) > 0 || min != std::floor(min) || max != std::floor(max))
            return QStringLiteral("%1: MIN and MAX must be whole numbers without --parameter-step-size, got \"%2\" and "
                                  "\"%3\"")
                .arg(usage, scan[1], scan[2]);
    } else {
        bool ok = false;
        step = stepText.toDouble(&ok);
        if (!ok || !std::isfinite(step) || step <= 0)
            return QStringLiteral("--parameter-step-size: expected a number above 0, got \"%1\"").arg(stepText);
        decimals = std::max({decimalsOf(scan[1]), decimalsOf(scan[2]), decimalsOf(stepText)});
    }
    const double count = std::floor((max - min) / step + 1e-9) + 1;
    if (count > kMostSuiteWorkloads)
        return QStringLiteral("%1: the scan makes %2 values, and a run holds at most %3 workloads")
            .arg(usage)
            .arg(count, 0, 'g', 3)
            .arg(kMostSuiteWorkloads);
    for (int i = 0; i < int(count); ++i)
        parameter.values << QString::number(min + i * step, 'f', decimals);
    return std::nullopt;
}

std::optional<QString> readParameters(const QCommandLineParser& parser, const MultiValueFlags& multi,
                                      CommandLineCommands& commands)
{
    if (multi.scans.size() > 1)
        return QStringLiteral("--parameter-scan: given more than once (use --parameter-list for more parameters)");
    if (parser.isSet(kStepSize) && multi.scans.empty())
        return QStringLiteral("--parameter-step-size applies to --parameter-scan only");
    double combinations = 1;
    auto add = [&](const QStringList& flag, const MultiValueFlag& kind) -> std::optional<QString> {
        CommandParameter p{flag[0], {}};
        if (!parameterNamePattern().match(p.name).hasMatch())
            return QStringLiteral("%1: a parameter name is letters, digits and _, got \"%2\"")
                .arg(QLatin1String(kind.usage), p.name);
        for (const CommandParameter& other : commands.parameters)
            if (other.name == p.name)
                return QStringLiteral("%1: parameter \"%2\" is given twice").arg(QLatin1String(kind.usage), p.name);
        if (&kind == &kScan) {
            if (std::optional<QString> error = readScan(flag, parser.value(kStepSize), p))
                return error;
        } else {
            p.values = flag[1].split(QLatin1Char(','));
        }
        for (const QString& value : std::as_const(p.values))
            if (value.isEmpty() || value.contains(QLatin1Char('/')))
                return QStringLiteral("%1: a value must be non-empty and without '/' (it goes into the id), got \"%2\"")
                    .arg(QLatin1String(kind.usage), flag.mid(1).join(QLatin1Char(' ')));
        combinations *= double(p.values.size());
        commands.parameters.push_back(std::move(p));
        return std::nullopt;
    };
    for (const QStringList& scan : multi.scans)
        if (std::optional<QString> error = add(scan, kScan))
            return error;
    for (const QStringList& list : multi.lists)
        if (std::optional<QString> error = add(list, kList))
            return error;
    if (combinations * double(commands.commands.size()) > kMostSuiteWorkloads)
        return QStringLiteral("the parameters make %1 commands, and a run holds at most %2")
            .arg(combinations * double(commands.commands.size()), 0, 'g', 3)
            .arg(kMostSuiteWorkloads);
    return std::nullopt;
}

// "--FLAG: expected WHAT, got "VALUE"", the message of a count flag that is not one.
QString notAWholeNumber(const QCommandLineParser& parser, const QString& flag, const QString& what)
{
    return QStringLiteral("--%1: expected %2, got \"%3\"").arg(flag, what, parser.value(flag));
}

// --runs, --min-runs and --warmup: the samples and warm-up of every command.
std::optional<QString> readRunCounts(const QCommandLineParser& parser, CommandLineOptions& opts)
{
    if (parser.isSet(kRuns)) {
        if (opts.sampleSizeGiven)
            return QStringLiteral("--runs and --sample-size both set the number of samples; give one");
        if (parser.isSet(kMinRuns))
            return QStringLiteral("--runs and --min-runs cannot be combined (--runs is exact)");
        const std::optional<int> n = wholeNumber(parser.value(kRuns), 1);
        if (!n)
            return notAWholeNumber(parser, kRuns, QStringLiteral("a whole number of at least 1"));
        opts.settings.sampleCount = *n;
        opts.sampleSizeGiven = true;
    }
    if (parser.isSet(kMinRuns)) {
        const std::optional<int> n = wholeNumber(parser.value(kMinRuns), 1);
        if (!n)
            return notAWholeNumber(parser, kMinRuns, QStringLiteral("a whole number of at least 1"));
        opts.settings.sampleCount = std::max(opts.settings.sampleCount, *n);
        opts.sampleSizeGiven = true;
    }
    if (parser.isSet(kWarmup)) {
        const std::optional<int> n = wholeNumber(parser.value(kWarmup), 0);
        if (!n)
            return notAWholeNumber(parser, kWarmup, QStringLiteral("a whole number of runs of at least 0"));
        opts.settings.warmUpRuns = *n;
    }
    return std::nullopt;
}

// --shell SHELL|none (-N: none). SHELL may carry arguments ("bash --norc"); "default" is sh.
std::optional<QString> readShell(const QCommandLineParser& parser, CommandLineCommands& commands)
{
    if (parser.isSet(kNoShell) && parser.isSet(kShell))
        return QStringLiteral("-N is --shell none; give one of them");
    if (!parser.isSet(kShell))
        return std::nullopt;
    Expected<QStringList> shell = shellArgv(parser.value(kShell));
    if (!shell)
        return QStringLiteral("--shell: ") + shell.error().message;
    commands.shell = std::move(*shell);
    return std::nullopt;
}

// The flags that only mean something with --command.
std::optional<QString> refuseWithoutCommands(const QCommandLineParser& parser, const MultiValueFlags& multi)
{
    for (const QString& name : {kCommandName, kShell, kNoShell, kPrepare, kSetup, kCleanup, kWarmup, kRuns, kMinRuns,
                                kStepSize, kIgnoreFailure, kInput, kExportJson, kExportMarkdown, kExportCsv})
        if (parser.isSet(name))
            return QStringLiteral("--%1 applies to commands given with --command (-c)").arg(name);
    if (!multi.scans.empty() || !multi.lists.empty())
        return QStringLiteral("--%1 applies to commands given with --command (-c)")
            .arg(QLatin1String(multi.scans.empty() ? kList.name : kScan.name));
    return std::nullopt;
}

} // namespace

Expected<QStringList> shellArgv(const QString& shell)
{
    const QString text = shell.trimmed();
    if (text.isEmpty())
        return Error::input(QStringLiteral("expected a shell or \"none\", got nothing"));
    if (text == QLatin1String("none"))
        return QStringList{};
    if (text == QLatin1String("default"))
        return QStringList{QStringLiteral("sh")};
    return splitShellWords(text);
}

QList<QCommandLineOption> commandFlagOptions()
{
    return {
        option({QStringLiteral("c"), kCommand},
               "A command to measure; repeat for more. They are measured interleaved and compared (no suite file).",
               "CMD"),
        option({QStringLiteral("n"), kCommandName}, "With --command: a name for each command, in order.", "NAME"),
        option({QStringLiteral("S"), kShell},
               "With --command: run each command as SHELL -c CMD; default none (CMD split into words as a shell "
               "would, quotes respected, nothing expanded).",
               "SHELL|none"),
        option({kNoShell}, "With --command: --shell none."),
        option({QStringLiteral("p"), kPrepare},
               "With --command: run CMD before each run, untimed; once for all commands or once per command.", "CMD"),
        option({QStringLiteral("s"), kSetup}, "With --command: run CMD once before a command's first run.", "CMD"),
        option({kCleanup}, "With --command: run CMD once after a command's last run.", "CMD"),
        option({QStringLiteral("w"), kWarmup},
               "With --command: N untimed runs of each command first (default: a "
               "warm-up time, --warm-up-time).",
               "N"),
        option({QStringLiteral("r"), kRuns}, "With --command: exactly N runs of each command (--sample-size).", "N"),
        option({QStringLiteral("m"), kMinRuns}, "With --command: at least N runs of each command.", "N"),
        option({QStringLiteral("P"), QLatin1String(kScan.name)},
               "With --command: one command per value MIN..MAX of NAME, {NAME} replaced.", "NAME MIN MAX"),
        option({QStringLiteral("D"), kStepSize}, "The step of --parameter-scan (default 1).", "DELTA"),
        option({QStringLiteral("L"), QLatin1String(kList.name)},
               "With --command: one command per value of NAME, {NAME} replaced; repeat for a grid.", "NAME a,b,c"),
        option({QStringLiteral("i"), kIgnoreFailure}, "With --command: any exit code counts as a run."),
        option({kInput}, "With --command: the commands' standard input (default /dev/null).", "FILE"),
        option({kExportJson}, "With --command: also write FILE in hyperfine's JSON shape.", "FILE"),
        option({kExportMarkdown}, "With --command: also write FILE as hyperfine's Markdown table.", "FILE"),
        option({kExportCsv}, "With --command: also write FILE in hyperfine's CSV shape.", "FILE"),
    };
}

MultiValueFlags takeMultiValueFlags(const QStringList& arguments)
{
    MultiValueFlags out;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        if (a == QLatin1String("--")) {
            out.arguments << arguments.mid(i);
            break;
        }
        const MultiValueFlag* flag = isFlag(a, kScan) ? &kScan : isFlag(a, kList) ? &kList : nullptr;
        if (!flag) {
            out.arguments << a;
            continue;
        }
        if (i + flag->values >= arguments.size()) {
            out.error =
                QStringLiteral("%1: expected %2 values after it").arg(QLatin1String(flag->usage)).arg(flag->values);
            return out;
        }
        (flag == &kScan ? out.scans : out.lists).push_back(arguments.mid(i + 1, flag->values));
        i += flag->values;
    }
    return out;
}

std::optional<QString> readCommandFlags(const QCommandLineParser& parser, const MultiValueFlags& multi,
                                        CommandLineOptions& opts)
{
    CommandLineCommands& commands = opts.commands;
    commands.commands = parser.values(kCommand);
    if (commands.commands.isEmpty())
        return refuseWithoutCommands(parser, multi);
    for (const QString& command : std::as_const(commands.commands))
        if (command.trimmed().isEmpty())
            return QStringLiteral("--command: an empty command");
    if (!opts.suiteFile.isEmpty())
        return QStringLiteral("--command and --suite cannot be combined: the commands are the run");
    if (!opts.filters.isEmpty())
        return QStringLiteral("with --command every command runs; FILTER words (\"%1\") select suite workloads")
            .arg(opts.filters.join(QLatin1Char(' ')));
    commands.names = parser.values(kCommandName);
    if (!commands.names.isEmpty() && commands.names.size() != commands.commands.size())
        return QStringLiteral("--command-name: given %1 times for %2 commands; name each command or none")
            .arg(commands.names.size())
            .arg(commands.commands.size());
    commands.prepare = parser.values(kPrepare);
    if (commands.prepare.size() > 1 && commands.prepare.size() != commands.commands.size())
        return QStringLiteral("--prepare: given %1 times for %2 commands; give it once for all or once per command")
            .arg(commands.prepare.size())
            .arg(commands.commands.size());
    commands.setup = parser.value(kSetup);
    commands.cleanup = parser.value(kCleanup);
    commands.ignoreFailure = parser.isSet(kIgnoreFailure);
    if (parser.isSet(kInput)) {
        commands.inputFile = parser.value(kInput);
        if (commands.inputFile.isEmpty())
            return QStringLiteral("--input: no file given");
    }
    for (const auto& [flag, target] :
         {std::pair{kExportJson, &commands.exportJson}, std::pair{kExportMarkdown, &commands.exportMarkdown},
          std::pair{kExportCsv, &commands.exportCsv}}) {
        if (!parser.isSet(flag))
            continue;
        *target = parser.value(flag);
        if (target->isEmpty())
            return QStringLiteral("--%1: no file given").arg(flag);
    }
    if (std::optional<QString> error = readShell(parser, commands))
        return error;
    if (std::optional<QString> error = readRunCounts(parser, opts))
        return error;
    return readParameters(parser, multi, commands);
}

} // namespace crucible
