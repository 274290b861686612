#include "HyperfineExport.h"

#include "Csv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace crucible::hyperfine {

namespace {

// Divided by, not multiplied with 1e-9: 22e6 ns is then exactly the double nearest 0.022 s.
constexpr double kNsPerSecond = 1e9;

// The figures hyperfine exports for one command, in seconds.
struct Figures {
    QString command;
    double mean = 0;
    std::optional<double> stddev; // none for one run
    double median = 0;
    double user = 0; // per run
    double system = 0;
    double min = 0;
    double max = 0;
    std::vector<double> times;
};

Figures figuresOf(const Result& r)
{
    Figures f;
    f.command = r.info.description.isEmpty() ? r.info.id : r.info.description;
    for (const Sample& s : r.samples)
        f.times.push_back(s.perIterationNs() / kNsPerSecond);
    const double runs = double(std::max<std::size_t>(1, r.samples.size()));
    f.mean = r.summary.mean / kNsPerSecond;
    if (r.samples.size() > 1)
        f.stddev = r.summary.stddev / kNsPerSecond;
    f.median = r.summary.median / kNsPerSecond;
    f.min = r.summary.min / kNsPerSecond;
    f.max = r.summary.max / kNsPerSecond;
    f.user = r.userNs / runs / kNsPerSecond;
    f.system = r.sysNs / runs / kNsPerSecond;
    return f;
}

std::vector<const Result*> measured(const RunResult& run)
{
    std::vector<const Result*> out;
    for (const Result& r : run.results)
        if (!r.samples.empty())
            out.push_back(&r);
    return out;
}

// hyperfine's exit code per run: the code, or null when a signal ended it.
QJsonValue exitCodeOf(const Sample& s)
{
    return s.signal != 0 ? QJsonValue() : QJsonValue(s.exitCode);
}

} // namespace

QByteArray exportJson(const RunResult& run)
{
    QJsonArray results;
    for (const Result* r : measured(run)) {
        const Figures f = figuresOf(*r);
        QJsonArray times;
        QJsonArray memory;
        QJsonArray exitCodes;
        for (std::size_t i = 0; i < r->samples.size(); ++i) {
            times.append(f.times[i]);
            memory.append(double(r->samples[i].rssBytes));
            exitCodes.append(exitCodeOf(r->samples[i]));
        }
        QJsonObject o{{QStringLiteral("command"), f.command},
                      {QStringLiteral("mean"), f.mean},
                      {QStringLiteral("stddev"), f.stddev ? QJsonValue(*f.stddev) : QJsonValue()},
                      {QStringLiteral("median"), f.median},
                      {QStringLiteral("user"), f.user},
                      {QStringLiteral("system"), f.system},
                      {QStringLiteral("min"), f.min},
                      {QStringLiteral("max"), f.max},
                      {QStringLiteral("times"), times},
                      {QStringLiteral("memory_usage_byte"), memory},
                      {QStringLiteral("exit_codes"), exitCodes}};
        if (!r->info.parameters.isEmpty()) {
            QJsonObject parameters;
            for (auto it = r->info.parameters.begin(); it != r->info.parameters.end(); ++it)
                parameters.insert(it.key(), it.value().toString());
            o.insert(QStringLiteral("parameters"), parameters);
        }
        results.append(o);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("results"), results}}).toJson(QJsonDocument::Indented);
}

QByteArray exportMarkdown(const RunResult& run)
{
    const std::vector<const Result*> results = measured(run);
    if (results.empty())
        return {};
    std::vector<Figures> figures;
    figures.reserve(results.size());
    for (const Result* r : results)
        figures.push_back(figuresOf(*r));
    // hyperfine picks the unit from the first command's mean.
    const bool seconds = figures.front().mean >= 1;
    const double scale = seconds ? 1 : 1e3;
    const int decimals = seconds ? 3 : 1;
    const QString unit = seconds ? QStringLiteral("s") : QStringLiteral("ms");
    auto value = [&](double s) { return QString::number(s * scale, 'f', decimals); };
    const Figures& fastest = *std::min_element(figures.begin(), figures.end(),
                                               [](const Figures& a, const Figures& b) { return a.mean < b.mean; });

    QString out = QStringLiteral("| Command | Mean [%1] | Min [%1] | Max [%1] | Relative |\n").arg(unit);
    out += QStringLiteral("|:---|---:|---:|---:|---:|\n");
    for (const Figures& f : figures) {
        QString command = f.command;
        command.replace(QLatin1Char('|'), QLatin1String("\\|"));
        const QString mean = value(f.mean) + (f.stddev ? QStringLiteral(" ± ") + value(*f.stddev) : QString());
        const double ratio = fastest.mean > 0 ? f.mean / fastest.mean : 0;
        QString relative = QString::number(ratio, 'f', 2);
        if (&f != &fastest && f.stddev && fastest.stddev && f.mean > 0 && fastest.mean > 0) {
            // hyperfine's error propagation for a quotient of two independent means.
            const double spread =
                ratio * std::sqrt(std::pow(*f.stddev / f.mean, 2) + std::pow(*fastest.stddev / fastest.mean, 2));
            relative += QStringLiteral(" ± ") + QString::number(spread, 'f', 2);
        }
        out +=
            QStringLiteral("| `%1` | %2 | %3 | %4 | %5 |\n").arg(command, mean, value(f.min), value(f.max), relative);
    }
    return out.toUtf8();
}

QByteArray exportCsv(const RunResult& run)
{
    using namespace csv;
    const std::vector<const Result*> results = measured(run);
    QStringList header{QStringLiteral("command"), QStringLiteral("mean"), QStringLiteral("stddev"),
                       QStringLiteral("median"),  QStringLiteral("user"), QStringLiteral("system"),
                       QStringLiteral("min"),     QStringLiteral("max")};
    const QStringList parameterNames = results.empty() ? QStringList() : results.front()->info.parameters.keys();
    for (const QString& name : parameterNames)
        header << QStringLiteral("parameter_") + name;
    QString out = record(header);
    for (const Result* r : results) {
        const Figures f = figuresOf(*r);
        QStringList fields{textField(f.command),  numberField(f.mean), f.stddev ? numberField(*f.stddev) : QString(),
                           numberField(f.median), numberField(f.user), numberField(f.system),
                           numberField(f.min),    numberField(f.max)};
        for (const QString& name : parameterNames)
            fields << textField(r->info.parameters.value(name).toString());
        out += record(fields);
    }
    return out.toUtf8();
}

} // namespace crucible::hyperfine
