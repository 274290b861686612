#include "SuiteEntries.h"

#include "WorkloadRegistry.h"
#include "process/CommandWorkload.h"
#include "process/GbenchExecutable.h"
#include "process/GbenchWorkload.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <map>

namespace crucible::suite {

namespace {

// The keys each kind of entry allows (SPEC.md "Suite file"); a built-in entry allows id and
// params, and the others' keys are what a misspelt "command" or "gbench" leaves behind.
constexpr std::initializer_list<const char*> kCommandKeys = {
    "id", "command", "prepare", "cleanup", "cwd", "env", "timeout_s", "expect_exit", "params", "description"};
constexpr std::initializer_list<const char*> kGbenchKeys = {"id",  "gbench", "filter",    "args",
                                                            "cwd", "env",    "timeout_s", "category"};

// One parameter's values, kept both as they go to a factory and as they print in an id.
struct ParameterValues {
    QString key;
    QVariantList values;
    QStringList texts;
};

QString textOf(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::number(v.toDouble(), 'g', 15);
}

// `params`: each key maps to a non-empty array of strings, numbers or booleans, or to one such
// value. Keys come in sorted order (QJsonObject keeps them sorted), which fixes the id's order.
std::vector<ParameterValues> readParams(const Node& params)
{
    std::vector<ParameterValues> out;
    const QJsonObject o = params.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const Node node = params[it.key()];
        static const QRegularExpression plainKey(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        if (!plainKey.match(it.key()).hasMatch())
            node.fail(QStringLiteral("a parameter name is letters, digits and _ (it goes into the id)"));
        const QJsonArray values = node.value().isArray() ? node.array() : QJsonArray{node.value()};
        if (values.isEmpty())
            node.fail(QStringLiteral("expected at least one value, got an empty array"));
        ParameterValues p{it.key(), {}, {}};
        for (qsizetype i = 0; i < values.size(); ++i) {
            const Node value = node.value().isArray() ? node[i] : node;
            if (!(value.value().isString() || value.value().isDouble() || value.value().isBool()))
                value.fail(
                    QStringLiteral("expected a string, number or boolean, got %1").arg(describeValue(value.value())));
            const QString text = textOf(value.value());
            if (text.isEmpty() || text.contains(QLatin1Char('/')))
                value.fail(QStringLiteral("a parameter value must be non-empty and without '/' (it goes into the id)"));
            p.values << value.value().toVariant();
            p.texts << text;
        }
        out.push_back(std::move(p));
    }
    return out;
}

// Every combination, the last key varying fastest: [{size=4KiB, sync=0}, {size=4KiB, sync=1}, ...].
std::vector<std::vector<int>> combinations(const std::vector<ParameterValues>& params)
{
    std::vector<std::vector<int>> all{{}};
    for (const ParameterValues& p : params) {
        std::vector<std::vector<int>> next;
        for (const std::vector<int>& prefix : all) {
            for (int i = 0; i < int(p.values.size()); ++i) {
                std::vector<int> c = prefix;
                c.push_back(i);
                next.push_back(std::move(c));
            }
        }
        all = std::move(next);
    }
    return all;
}

QStringList substitute(QStringList argv, const std::map<QString, QString>& values)
{
    for (QString& arg : argv)
        for (const auto& [key, text] : values)
            arg.replace(QLatin1Char('{') + key + QLatin1Char('}'), text);
    return argv;
}

// The id's first component names the category when it is a built-in category's name.
Category categoryOfId(const QString& id)
{
    const std::optional<Category> c = categoryFromName(id.section(QLatin1Char('.'), 0, 0));
    return c.value_or(Category::External);
}

QString readId(const Node& entry)
{
    const Node idNode = entry.required(QStringLiteral("id"));
    QString id = idNode.string();
    static const QRegularExpression bad(QStringLiteral("[\\s/]"));
    if (bad.match(id).hasMatch())
        idNode.fail(QStringLiteral("an id has no spaces and no '/' (parameters add \"/key=value\"), got %1")
                        .arg(describeValue(idNode.value())));
    return id;
}

// The fields of a command entry that all of its expansions share.
struct CommandEntry {
    QStringList command;
    std::optional<QStringList> prepare;
    std::optional<QStringList> cleanup;
    CommandSpec base; // cwd, env, timeout, expected exit
    QString description;
};

// cwd, env and timeout_s, which command and gbench entries share.
void readProcessSettings(const Node& entry, CommandSpec& spec, double defaultTimeoutSeconds)
{
    if (entry.has(QStringLiteral("cwd")))
        spec.workingDirectory = entry[QStringLiteral("cwd")].string();
    if (entry.has(QStringLiteral("env"))) {
        const Node env = entry[QStringLiteral("env")];
        const QJsonObject vars = env.object();
        for (auto it = vars.begin(); it != vars.end(); ++it) {
            const Node var = env[it.key()];
            if (it.key().isEmpty() || it.key().contains(QLatin1Char('=')))
                var.fail(QStringLiteral("not a valid environment variable name"));
            if (!var.value().isString())
                var.fail(QStringLiteral("expected a string, got %1").arg(describeValue(var.value())));
            spec.environment.insert(it.key(), var.value().toString());
        }
    }
    spec.timeoutSeconds = entry.has(QStringLiteral("timeout_s"))
        ? entry[QStringLiteral("timeout_s")].number(0.001, 86400)
        : defaultTimeoutSeconds;
}

CommandEntry readCommandEntry(const Node& entry, double defaultTimeoutSeconds)
{
    entry.allowOnly(kCommandKeys, QStringLiteral("in a command entry"));
    CommandEntry c;
    c.command = entry[QStringLiteral("command")].argv();
    if (entry.has(QStringLiteral("prepare")))
        c.prepare = entry[QStringLiteral("prepare")].argv();
    if (entry.has(QStringLiteral("cleanup")))
        c.cleanup = entry[QStringLiteral("cleanup")].argv();
    readProcessSettings(entry, c.base, defaultTimeoutSeconds);
    if (entry.has(QStringLiteral("expect_exit"))) {
        const Node expect = entry[QStringLiteral("expect_exit")];
        if (expect.value().isNull())
            c.base.expectedExit = std::nullopt; // any exit code
        else
            c.base.expectedExit = expect.integer(0, 255);
    }
    if (entry.has(QStringLiteral("description")))
        c.description = entry[QStringLiteral("description")].string();
    return c;
}

// An array of strings, possibly empty ("args": extra arguments of a gbench executable).
QStringList readStrings(const Node& node)
{
    node.array();
    QStringList strings;
    for (qsizetype i = 0; i < node.size(); ++i) {
        const Node item = node[i];
        if (!item.value().isString())
            item.fail(QStringLiteral("expected a string, got %1").arg(describeValue(item.value())));
        strings << item.value().toString();
    }
    return strings;
}

// The cwd, and a program given as a path, are checked here, so that the message says what is
// wrong with them. The program resolves as exec resolves it: against the entry's cwd when there
// is one. A bare name is looked up in PATH by the listing, whose failure names it.
void checkExecutable(const Node& entry, const Node& programNode, const CommandSpec& executable)
{
    if (!executable.workingDirectory.isEmpty() && !QFileInfo(executable.workingDirectory).isDir())
        entry[QStringLiteral("cwd")].fail(QStringLiteral("no such directory \"%1\"").arg(executable.workingDirectory));
    const QString program = executable.argv.constFirst();
    if (!program.contains(QLatin1Char('/')))
        return;
    const QFileInfo file(QDir(executable.workingDirectory.isEmpty() ? QDir::currentPath() : executable.workingDirectory)
                             .filePath(program));
    if (!file.exists())
        programNode.fail(QStringLiteral("no such file \"%1\"").arg(program));
    if (!file.isFile() || !file.isExecutable())
        programNode.fail(QStringLiteral("\"%1\" is not an executable file").arg(program));
}

Category readCategory(const Node& node)
{
    const std::optional<Category> category = categoryFromName(node.string());
    if (!category) {
        QStringList known = builtInCategoryNames();
        known << categoryName(Category::External);
        node.fail(
            QStringLiteral("unknown category \"%1\" (known: %2)").arg(node.string(), known.join(QStringLiteral(", "))));
    }
    return *category;
}

// A Google Benchmark executable: its benchmarks are listed now (running it with
// --benchmark_list_tests), and each one that `filter` selects becomes a workload whose id is
// the benchmark's own name, so that it lines up with a direct run's JSON.
std::vector<SuiteWorkload> readGbenchEntry(const Node& entry, const QString& baseId, double defaultTimeoutSeconds)
{
    entry.allowOnly(kGbenchKeys, QStringLiteral("in a gbench entry"));
    const Node programNode = entry[QStringLiteral("gbench")];
    CommandSpec executable;
    executable.argv << programNode.string();
    if (entry.has(QStringLiteral("args")))
        executable.argv << readStrings(entry[QStringLiteral("args")]);
    readProcessSettings(entry, executable, defaultTimeoutSeconds);
    const QString filter = entry.has(QStringLiteral("filter")) ? entry[QStringLiteral("filter")].string() : QString();
    const Category category =
        entry.has(QStringLiteral("category")) ? readCategory(entry[QStringLiteral("category")]) : categoryOfId(baseId);
    checkExecutable(entry, programNode, executable);

    const gbench::Listing listing = gbench::listBenchmarks(executable, filter);
    if (!listing.error.isEmpty())
        (listing.ran && !filter.isEmpty() ? entry[QStringLiteral("filter")] : programNode).fail(listing.error);

    std::vector<SuiteWorkload> out;
    for (const QString& name : listing.names) {
        SuiteWorkload w;
        w.kind = SuiteWorkload::Kind::Gbench;
        w.baseId = baseId;
        w.info.id = name;
        w.info.category = category;
        w.info.description = GbenchWorkload::describe(name, executable.argv.constFirst());
        w.info.unit = QStringLiteral("ns");
        w.info.operation = QStringLiteral("iteration");
        w.command = executable;
        w.gbenchName = name;
        out.push_back(std::move(w));
    }
    return out;
}

// A built-in takes the parameters its registration declares (with their defaults), no others.
void checkParameterNames(const Node& entry, const WorkloadFactory& factory, const std::vector<ParameterValues>& params)
{
    for (const ParameterValues& p : params) {
        if (factory.info.parameters.contains(p.key))
            continue;
        const QStringList known = factory.info.parameters.keys();
        entry[QStringLiteral("params")][p.key].fail(
            QStringLiteral("%1 has no parameter \"%2\" (%3)")
                .arg(factory.info.id, p.key,
                     known.isEmpty() ? QStringLiteral("it takes none")
                                     : QStringLiteral("it takes: ") + known.join(QStringLiteral(", "))));
    }
}

// One workload per combination of the entry's parameters.
std::vector<SuiteWorkload> expand(const SuiteWorkload& proto, const std::optional<CommandEntry>& command,
                                  const std::vector<ParameterValues>& params)
{
    std::vector<SuiteWorkload> out;
    for (const std::vector<int>& combination : combinations(params)) {
        SuiteWorkload w = proto;
        w.info.id = proto.baseId;
        std::map<QString, QString> texts;
        for (std::size_t k = 0; k < params.size(); ++k) {
            const ParameterValues& p = params[k];
            w.parameters.insert(p.key, p.values.at(combination[k]));
            w.info.parameters.insert(p.key, p.values.at(combination[k]));
            texts[p.key] = p.texts.at(combination[k]);
            w.info.id += QStringLiteral("/%1=%2").arg(p.key, p.texts.at(combination[k]));
        }
        if (command) {
            auto spec = [&](const QStringList& argv) {
                CommandSpec s = command->base;
                s.argv = substitute(argv, texts);
                return s;
            };
            w.command = spec(command->command);
            if (command->prepare)
                w.prepare = spec(*command->prepare);
            if (command->cleanup)
                w.cleanup = spec(*command->cleanup);
            w.info.description =
                command->description.isEmpty() ? CommandWorkload::describe(w.command.argv) : command->description;
        }
        out.push_back(std::move(w));
    }
    return out;
}

} // namespace

std::vector<SuiteWorkload> readWorkloads(const Node& workloads, const WorkloadRegistry& registry,
                                         double defaultTimeoutSeconds)
{
    workloads.array();
    if (workloads.size() == 0)
        workloads.fail(QStringLiteral("the suite has no workloads"));

    std::vector<SuiteWorkload> out;
    std::map<QString, QString> seen; // expanded id -> the entry's path, for duplicates
    for (qsizetype i = 0; i < workloads.size(); ++i) {
        const Node entry = workloads[i];
        entry.object();
        SuiteWorkload proto;
        proto.baseId = readId(entry);
        std::vector<SuiteWorkload> made;

        std::optional<CommandEntry> command;
        const WorkloadFactory* factory = nullptr;
        if (entry.has(QStringLiteral("gbench"))) {
            proto.kind = SuiteWorkload::Kind::Gbench;
            made = readGbenchEntry(entry, proto.baseId, defaultTimeoutSeconds);
        } else if (entry.has(QStringLiteral("command"))) {
            command = readCommandEntry(entry, defaultTimeoutSeconds);
            proto.kind = SuiteWorkload::Kind::Command;
            proto.info.category = categoryOfId(proto.baseId);
            proto.info.operation = QStringLiteral("run");
        } else {
            entry.allowOnly({"id", "params"},
                            QStringLiteral("in a built-in workload entry (commands need \"command\")"),
                            keyNames(kCommandKeys) + keyNames(kGbenchKeys));
            factory = registry.find(proto.baseId);
            if (!factory)
                entry[QStringLiteral("id")].fail(
                    QStringLiteral("no built-in workload \"%1\" (crucible-bench --list shows them)").arg(proto.baseId));
            proto.info = factory->info;
        }
        std::vector<ParameterValues> params;
        if (entry.has(QStringLiteral("params")))
            params = readParams(entry[QStringLiteral("params")]);
        if (factory)
            checkParameterNames(entry, *factory, params);

        if (proto.kind != SuiteWorkload::Kind::Gbench) {
            // Counted before anything is made: a scan of a few long lists multiplies out to more
            // workloads than memory holds.
            double combinations = 1;
            for (const ParameterValues& p : params)
                combinations *= double(p.values.size());
            if (double(out.size()) + combinations > double(kMostSuiteWorkloads))
                entry[QStringLiteral("params")].fail(
                    QStringLiteral("the scan makes %1 workloads, and a suite holds at most %2")
                        .arg(combinations < 1e12 ? QString::number(qint64(combinations)) : QStringLiteral("over 10^12"))
                        .arg(kMostSuiteWorkloads));
            made = expand(proto, command, params);
        }

        for (SuiteWorkload& w : made) {
            const auto [it, inserted] = seen.emplace(w.info.id, entry.path());
            if (!inserted)
                entry[QStringLiteral("id")].fail(
                    QStringLiteral("duplicate workload id \"%1\" (also made by %2)").arg(w.info.id, it->second));
            out.push_back(std::move(w));
        }
    }
    return out;
}

} // namespace crucible::suite
