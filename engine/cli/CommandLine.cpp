#include "CommandLine.h"

#include "DidYouMean.h"
#include "export/ReportFormats.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

#include <cmath>

namespace crucible {

namespace {

QCommandLineOption flag(const QString& name, const QString& help)
{
    return QCommandLineOption(name, help);
}

QCommandLineOption valued(const QString& name, const QString& help, const QString& valueName)
{
    return QCommandLineOption(name, help, valueName);
}

struct Options {
    QCommandLineOption headless = flag(QStringLiteral("headless"), QStringLiteral("Run in the terminal, no window."));
    QCommandLineOption list = flag(QStringLiteral("list"), QStringLiteral("Print the selected workloads and exit."));
    QCommandLineOption suite = valued(
        QStringLiteral("suite"),
        QStringLiteral("Suite file (JSON); default: the built-in default suite. A flag beats the suite's defaults."),
        QStringLiteral("FILE"));
    QCommandLineOption json = flag(QStringLiteral("json"), QStringLiteral("With --list or --compare: print JSON."));
    QCommandLineOption quickCheck =
        flag(QStringLiteral("quick-check"), QStringLiteral("Short warm-up and measurement for a fast sanity run."));
    QCommandLineOption sampleSize =
        valued(QStringLiteral("sample-size"), QStringLiteral("Samples per workload (env CRITERION_SAMPLE_SIZE)."),
               QStringLiteral("N"));
    QCommandLineOption rounds = valued(QStringLiteral("rounds"),
                                       QStringLiteral("Rounds the samples are split into, each visiting every workload "
                                                      "(default 10, quick check 5; env CRUCIBLE_ROUNDS)."),
                                       QStringLiteral("N"));
    QCommandLineOption iterations = valued(
        QStringLiteral("iterations"),
        QStringLiteral("Fixed iterations per sample, no calibration (env CRITERION_ITERATIONS)."), QStringLiteral("N"));
    QCommandLineOption warmUp =
        valued(QStringLiteral("warm-up-time"),
               QStringLiteral("Warm-up seconds per workload (env CRITERION_WARM_UP_TIME)."), QStringLiteral("S"));
    QCommandLineOption measurement = valued(
        QStringLiteral("measurement-time"),
        QStringLiteral("Measurement seconds per workload (env CRITERION_MEASUREMENT_TIME)."), QStringLiteral("S"));
    QCommandLineOption outputDir =
        valued(QStringLiteral("output-dir"),
               QStringLiteral("Where the run's files go (env CRITERION_OUTPUT_DIR; default ./benchmark_results)."),
               QStringLiteral("DIR"));
    QCommandLineOption format =
        valued(QStringLiteral("format"),
               QStringLiteral("Comma list of %1; default json,csv,md,pdf.").arg(knownFormats().join(QLatin1Char(','))),
               QStringLiteral("LIST"));
    QCommandLineOption noPlots =
        flag(QStringLiteral("no-plots"), QStringLiteral("Reports without charts (env CRITERION_PLOTTING=0 or false)."));
    QCommandLineOption noHistory = flag(QStringLiteral("no-history"), QStringLiteral("Do not record this run."));
    QCommandLineOption db = valued(QStringLiteral("db"),
                                   QStringLiteral("History store: a SQLite file, or postgresql://user@host:port/db "
                                                  "(default: a file in the per-user data directory)."),
                                   QStringLiteral("PATH_OR_URL"));
    QCommandLineOption saveBaseline =
        valued(QStringLiteral("save-baseline"), QStringLiteral("Record this run and mark it as baseline NAME."),
               QStringLiteral("NAME"));
    QCommandLineOption baseline = valued(
        QStringLiteral("baseline"),
        QStringLiteral(
            "Compare against baseline NAME (default: each workload's previous run of the same suite on this host)."),
        QStringLiteral("NAME"));
    QCommandLineOption noiseThreshold =
        valued(QStringLiteral("noise-threshold"),
               QStringLiteral("Changes within this percentage count as unchanged (default 2)."), QStringLiteral("PCT"));
    QCommandLineOption failOnRegression = flag(
        QStringLiteral("fail-on-regression"), QStringLiteral("Exit 4 when a workload regressed against the baseline."));
    QCommandLineOption failOnBudget =
        flag(QStringLiteral("fail-on-budget"),
             QStringLiteral("Exit 4 when a budget of the suite failed or a claim was refuted."));
    QCommandLineOption compare =
        flag(QStringLiteral("compare"), QStringLiteral("Compare two result files A.json B.json given as arguments."));
    QCommandLineOption importFile = valued(
        QStringLiteral("import"),
        QStringLiteral("Import a Google Benchmark or hyperfine JSON file into the history (--db) as a run, and exit."),
        QStringLiteral("FILE"));
    QCommandLineOption yes =
        flag(QStringLiteral("yes"),
             QStringLiteral("Run even when the selection holds more than 1000 workloads (a large parameter scan)."));
    QCommandLineOption force =
        flag(QStringLiteral("force"),
             QStringLiteral("With --import: import the file even when the store holds an import of the same content."));
    QCommandLineOption run =
        flag(QStringLiteral("run"), QStringLiteral("(GUI) start the suite when the window opens."));
    QCommandLineOption version = flag(QStringLiteral("version"), QStringLiteral("Print the version and exit."));
    QCommandLineOption help =
        QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Print this help and exit."));

    QList<QCommandLineOption> all() const
    {
        return {headless,
                list,
                suite,
                json,
                quickCheck,
                sampleSize,
                rounds,
                iterations,
                warmUp,
                measurement,
                outputDir,
                format,
                noPlots,
                noHistory,
                db,
                saveBaseline,
                baseline,
                noiseThreshold,
                failOnRegression,
                failOnBudget,
                compare,
                importFile,
                force,
                yes,
                run,
                version,
                help};
    }
    void addTo(QCommandLineParser& p) const
    {
        p.addOptions(all());
        p.addOptions(commandFlagOptions());
    }
};

// A flag's value, else its environment variable's, else nothing; `source` names which.
std::optional<QString> valueOf(const QCommandLineParser& p, const QCommandLineOption& o, const QProcessEnvironment& env,
                               const QString& variable, QString* source)
{
    if (p.isSet(o)) {
        *source = QStringLiteral("--") + o.names().constFirst();
        return p.value(o);
    }
    if (!variable.isEmpty() && env.contains(variable)) {
        *source = QStringLiteral("environment variable ") + variable;
        return env.value(variable);
    }
    return std::nullopt;
}

// CRITERION_PLOTTING: criterion's 0/false turn charts off; 1/true (and yes/no, on/off, any
// case) are accepted too, anything else is a usage error rather than a silent guess.
std::optional<bool> plottingFromText(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("0") || t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("off"))
        return false;
    if (t == QLatin1String("1") || t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("on"))
        return true;
    return std::nullopt;
}

// A measurement setting a flag or its environment variable gives: one row each, read in this
// order (the measurement time last: its check below names its source).
struct SettingRow {
    QCommandLineOption Options::*option;
    const char* variable;
    const char* expected; // "%1: expected …, got "…"" says what the setting takes
    // Stores the text's value in `opts`; false when the text is not one.
    bool (*store)(const QString& text, CommandLineOptions& opts);
};

bool storeSeconds(const QString& text, double& target, bool& given)
{
    bool ok = false;
    const double s = text.toDouble(&ok);
    if (!ok || !std::isfinite(s) || s < 0 || s > 86400)
        return false;
    target = s;
    given = true;
    return true;
}

const SettingRow kSettingRows[] = {
    {&Options::sampleSize, "CRITERION_SAMPLE_SIZE", "a whole number of samples of at least 1",
     [](const QString& text, CommandLineOptions& opts) {
         bool ok = false;
         const int n = text.toInt(&ok);
         if (!ok || n < 1)
             return false;
         opts.settings.sampleCount = n;
         opts.sampleSizeGiven = true;
         return true;
     }},
    {&Options::rounds, "CRUCIBLE_ROUNDS", "a whole number of rounds between 1 and 10000",
     [](const QString& text, CommandLineOptions& opts) {
         bool ok = false;
         const int n = text.toInt(&ok);
         if (!ok || n < 1 || n > 10'000)
             return false;
         opts.settings.rounds = n;
         opts.roundsGiven = true;
         return true;
     }},
    {&Options::iterations, "CRITERION_ITERATIONS", "a whole number of iterations of at least 1",
     [](const QString& text, CommandLineOptions& opts) {
         bool ok = false;
         const qulonglong n = text.toULongLong(&ok);
         if (!ok || n < 1)
             return false;
         opts.settings.fixedIterations = n;
         return true;
     }},
    {&Options::warmUp, "CRITERION_WARM_UP_TIME", "seconds between 0 and 86400",
     [](const QString& text, CommandLineOptions& opts) {
         return storeSeconds(text, opts.settings.warmUpSeconds, opts.warmUpGiven);
     }},
    {&Options::measurement, "CRITERION_MEASUREMENT_TIME", "seconds between 0 and 86400",
     [](const QString& text, CommandLineOptions& opts) {
         return storeSeconds(text, opts.settings.measurementSeconds, opts.measurementGiven);
     }},
};

// The steps of parseCommandLine, each an error message or nothing.
using StepError = std::optional<QString>;

// What to do: the flags that choose a mode, the suite, --compare's and --import's files.
StepError readModes(const QCommandLineParser& parser, const Options& o, CommandLineOptions& opts)
{
    opts.showHelp = parser.isSet(o.help);
    opts.showVersion = parser.isSet(o.version);
    opts.headless = parser.isSet(o.headless);
    opts.list = parser.isSet(o.list);
    opts.json = parser.isSet(o.json);
    opts.quickCheck = parser.isSet(o.quickCheck);
    opts.noHistory = parser.isSet(o.noHistory);
    opts.runAtLaunch = parser.isSet(o.run);
    opts.failOnRegression = parser.isSet(o.failOnRegression);
    opts.failOnBudget = parser.isSet(o.failOnBudget);
    if (parser.isSet(o.suite)) {
        opts.suiteFile = parser.value(o.suite);
        if (opts.suiteFile.isEmpty())
            return QStringLiteral("--suite: no file given");
    }
    if (opts.quickCheck)
        opts.settings = MeasurementSettings::quickCheck();
    QStringList positional = parser.positionalArguments();
    if (parser.isSet(o.compare)) {
        if (positional.size() != 2)
            return QStringLiteral("--compare needs two result files: --compare A.json B.json");
        opts.compareFiles = positional;
        positional.clear();
    }
    if (parser.isSet(o.importFile)) {
        opts.importFile = parser.value(o.importFile);
        if (opts.importFile.isEmpty())
            return QStringLiteral("--import: no file given");
        if (parser.isSet(o.compare))
            return QStringLiteral("--import and --compare cannot be combined");
        if (opts.noHistory)
            return QStringLiteral("--import records a run, which --no-history forbids");
    }
    opts.force = parser.isSet(o.force);
    opts.yes = parser.isSet(o.yes);
    if (opts.force && opts.importFile.isEmpty())
        return QStringLiteral("--force applies to --import only (importing a file already imported)");
    opts.filters = positional;
    return std::nullopt;
}

// How long and how often: kSettingRows, a flag beating its environment variable.
StepError readMeasurement(const QCommandLineParser& parser, const Options& o, const QProcessEnvironment& env,
                          CommandLineOptions& opts)
{
    QString source;
    for (const SettingRow& row : kSettingRows)
        if (auto v = valueOf(parser, o.*row.option, env, QLatin1String(row.variable), &source))
            if (!row.store(*v, opts))
                return QStringLiteral("%1: expected %2, got \"%3\"").arg(source, QLatin1String(row.expected), *v);
    if (opts.settings.measurementSeconds <= 0 && opts.settings.fixedIterations == 0)
        return QStringLiteral("%1: the measurement time must be above 0 seconds").arg(source);
    return std::nullopt;
}

// Where the run's files go, which files, and whether they have charts.
StepError readOutputs(const QCommandLineParser& parser, const Options& o, const QProcessEnvironment& env,
                      CommandLineOptions& opts)
{
    QString source;
    if (auto v = valueOf(parser, o.outputDir, env, QStringLiteral("CRITERION_OUTPUT_DIR"), &source)) {
        if (v->isEmpty())
            return QStringLiteral("%1: the output directory is empty").arg(source);
        opts.outputDir = *v;
    }
    if (parser.isSet(o.format)) {
        opts.formats.clear();
        for (const QString& f : parser.value(o.format).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString name = f.trimmed().toLower();
            if (!knownFormats().contains(name))
                return QStringLiteral("--format: unknown format \"%1\" (known: %2)")
                    .arg(f, knownFormats().join(QStringLiteral(", ")));
            if (!opts.formats.contains(name))
                opts.formats << name;
        }
        if (opts.formats.isEmpty())
            return QStringLiteral("--format: no format given (known: %1)")
                .arg(knownFormats().join(QStringLiteral(", ")));
    }
    // The flag wins outright: with --no-plots the variable is not even read.
    if (parser.isSet(o.noPlots)) {
        opts.noPlots = true;
    } else if (env.contains(QStringLiteral("CRITERION_PLOTTING"))) {
        const std::optional<bool> plots = plottingFromText(env.value(QStringLiteral("CRITERION_PLOTTING")));
        if (!plots)
            return QStringLiteral("environment variable CRITERION_PLOTTING: expected 0, 1, false or true, got \"%1\"")
                .arg(env.value(QStringLiteral("CRITERION_PLOTTING")));
        opts.noPlots = !*plots;
    }
    return std::nullopt;
}

// The history store, the baselines and the noise threshold of the verdicts.
StepError readHistory(const QCommandLineParser& parser, const Options& o, CommandLineOptions& opts)
{
    if (parser.isSet(o.db)) {
        opts.db = parser.value(o.db);
        if (opts.db.isEmpty())
            return QStringLiteral("--db: no file or URL given");
    }
    for (const auto& [option, target] :
         {std::pair{&o.saveBaseline, &opts.saveBaseline}, std::pair{&o.baseline, &opts.baseline}}) {
        if (!parser.isSet(*option))
            continue;
        *target = parser.value(*option).trimmed();
        if (target->isEmpty() || target->contains(QLatin1Char(',')))
            return QStringLiteral("--%1: expected a name without commas, got \"%2\"")
                .arg(option->names().constFirst(), parser.value(*option));
    }
    if (!opts.saveBaseline.isEmpty() && opts.noHistory)
        return QStringLiteral("--save-baseline records the run, which --no-history forbids");
    if (parser.isSet(o.noiseThreshold)) {
        bool ok = false;
        const double pct = parser.value(o.noiseThreshold).toDouble(&ok);
        if (!ok || !std::isfinite(pct) || pct < 0 || pct > 100)
            return QStringLiteral("--noise-threshold: expected a percentage between 0 and 100, got \"%1\"")
                .arg(parser.value(o.noiseThreshold));
        opts.noiseThresholdPct = pct;
    }
    return std::nullopt;
}

// re: filters must be valid regular expressions; the others are checked against the workloads.
StepError checkFilters(const CommandLineOptions& opts)
{
    for (const QString& filter : opts.filters) {
        if (!filter.startsWith(QLatin1String("re:")))
            continue;
        const QRegularExpression re(filter.mid(3));
        if (!re.isValid())
            return QStringLiteral("filter \"%1\": invalid regular expression: %2").arg(filter, re.errorString());
    }
    return std::nullopt;
}

} // namespace

QStringList knownFormats()
{
    return reportFormatNames({QStringLiteral("pdf")});
}

ParsedCommandLine parseCommandLine(const QStringList& arguments, const QProcessEnvironment& env)
{
    ParsedCommandLine parsed;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Crucible Bench runs benchmark suites: a desktop dashboard with live charts, or headless for CI.\n"
        "FILTER words select workloads: an id substring, a category name, or re:REGEX.\n"
        "Exit codes: 0 ok, 1 internal error, 2 usage or input error, 3 a workload failed, 4 a gate failed,\n"
        "130 interrupted (Ctrl-C; finished workloads are kept)."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const Options o;
    o.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("FILTER"), QStringLiteral("Workloads to select (default: all)."),
                                 QStringLiteral("[FILTER...]"));
    parsed.helpText = parser.helpText();
    // Parsed before any application object exists, QCommandLineParser cannot know the
    // program's name and writes a placeholder in the usage line.
    // The program's name, as the usage lines of other tools show it, not the path it was run by.
    if (!arguments.isEmpty())
        parsed.helpText.replace(QLatin1String("<executable_name>"), QFileInfo(arguments.constFirst()).fileName());

    const MultiValueFlags multiValue = takeMultiValueFlags(arguments);
    if (!multiValue.error.isEmpty()) {
        parsed.error.message = multiValue.error;
        return parsed;
    }
    if (!parser.parse(multiValue.arguments)) {
        parsed.error.message = parser.errorText();
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty()) {
            QStringList names;
            for (const QCommandLineOption& option : o.all() + commandFlagOptions())
                names << option.names();
            const QString near = closestName(unknown.constFirst(), names);
            if (!near.isEmpty())
                parsed.error.message =
                    QStringLiteral("unknown option --%1; did you mean --%2?").arg(unknown.constFirst(), near);
        }
        return parsed;
    }
    CommandLineOptions opts;
    // The steps in order, each read only when the ones before it passed.
    StepError error = readModes(parser, o, opts);
    if (!error)
        error = readMeasurement(parser, o, env, opts);
    if (!error)
        error = readOutputs(parser, o, env, opts);
    if (!error)
        error = readHistory(parser, o, opts);
    if (!error)
        error = checkFilters(opts);
    if (!error)
        error = readCommandFlags(parser, multiValue, opts);
    if (error) {
        parsed.error.message = *error;
        return parsed;
    }
    parsed.options = opts;
    return parsed;
}

} // namespace crucible
