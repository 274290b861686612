#include "JunitXml.h"

#include "Category.h"
#include "gates/Gates.h"

#include <QDateTime>
#include <QXmlStreamWriter>

#include <algorithm>
#include <vector>

namespace crucible {

namespace {

// What one test case says beyond passing: at most one of failure, error or skipped (the
// schema allows one), its message the first line and its text all of them.
struct CaseOutcome {
    QString kind; // "", "failure", "error" or "skipped"
    QString type; // the failure's or error's type: regression, budget, claim, or the status
    QStringList lines;
};

CaseOutcome workloadOutcome(const Result& r, const std::vector<BudgetOutcome>& budgets)
{
    CaseOutcome outcome;
    if (r.status != Status::Ok) {
        outcome.kind = QStringLiteral("error");
        outcome.type = statusName(r.status);
        outcome.lines << QStringLiteral("%1: %2").arg(statusName(r.status), r.error);
    }
    if (r.baseline && r.baseline->isRegression()) {
        outcome.lines << r.baseline->explanation();
        outcome.type = outcome.type.isEmpty() ? QStringLiteral("regression") : outcome.type;
    }
    for (const BudgetOutcome& b : budgets) {
        if (b.workload != r.info.id || b.status != BudgetStatus::Failed)
            continue;
        outcome.lines << QStringLiteral("budget failed: ") + budgetLine(b);
        outcome.type = outcome.type.isEmpty() ? QStringLiteral("budget") : outcome.type;
    }
    if (outcome.kind.isEmpty() && !outcome.lines.isEmpty())
        outcome.kind = QStringLiteral("failure");
    return outcome;
}

CaseOutcome claimOutcome(const ClaimOutcome& c)
{
    if (c.verdict == ClaimVerdict::Refuted || c.verdict == ClaimVerdict::Failed)
        return {QStringLiteral("failure"), QStringLiteral("claim"), {claimLine(c)}};
    if (c.verdict == ClaimVerdict::Skipped)
        return {QStringLiteral("skipped"), QString(), {claimLine(c)}};
    return {};
}

// XML 1.0 cannot carry most control characters, even escaped; a command's error text may hold
// some (a child's output). They become U+FFFD, the rest is kept as written.
QString xmlText(QString text)
{
    for (QChar& c : text)
        if ((c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || c.unicode() >= 0xFFFE)
            c = QChar::ReplacementCharacter;
    return text;
}

// Seconds with millisecond resolution, as xs:decimal takes them (never an exponent).
QString seconds(double s)
{
    return QString::number(std::max(0.0, s), 'f', 3);
}

// The time a workload's samples measured (its unit a time); 0 for a quantity such as a size.
double measuredSeconds(const Result& r)
{
    if (r.info.unit != QLatin1String("ns"))
        return 0;
    double ns = 0;
    for (const Sample& s : r.samples)
        ns += s.elapsedNs;
    return ns / 1e9;
}

void writeCase(QXmlStreamWriter& xml, const QString& classname, const QString& name, double time,
               const CaseOutcome& outcome)
{
    xml.writeStartElement(QStringLiteral("testcase"));
    xml.writeAttribute(QStringLiteral("name"), xmlText(name));
    xml.writeAttribute(QStringLiteral("classname"), classname);
    xml.writeAttribute(QStringLiteral("time"), seconds(time));
    if (outcome.kind == QLatin1String("skipped")) {
        xml.writeStartElement(outcome.kind);
        xml.writeAttribute(QStringLiteral("message"), xmlText(outcome.lines.join(QStringLiteral("; "))));
        xml.writeEndElement();
    } else if (!outcome.kind.isEmpty()) {
        xml.writeStartElement(outcome.kind);
        xml.writeAttribute(QStringLiteral("message"), xmlText(outcome.lines.join(QStringLiteral("; "))));
        xml.writeAttribute(QStringLiteral("type"), outcome.type);
        xml.writeCharacters(xmlText(outcome.lines.join(QLatin1Char('\n'))));
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

void writeProperty(QXmlStreamWriter& xml, const QString& name, const QString& value)
{
    xml.writeStartElement(QStringLiteral("property"));
    xml.writeAttribute(QStringLiteral("name"), name);
    xml.writeAttribute(QStringLiteral("value"), xmlText(value));
    xml.writeEndElement();
}

} // namespace

QByteArray junitXml(const RunResult& run)
{
    std::vector<CaseOutcome> workloads;
    std::vector<CaseOutcome> claims;
    int failures = 0, errors = 0, skipped = 0;
    auto count = [&](const CaseOutcome& o) {
        failures += o.kind == QLatin1String("failure");
        errors += o.kind == QLatin1String("error");
        skipped += o.kind == QLatin1String("skipped");
    };
    for (const Result& r : run.results)
        count(workloads.emplace_back(workloadOutcome(r, run.budgets)));
    for (const ClaimOutcome& c : run.claims)
        count(claims.emplace_back(claimOutcome(c)));

    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuite"));
    xml.writeAttribute(QStringLiteral("name"),
                       run.info.suiteName.isEmpty() ? QStringLiteral("crucible-bench") : run.info.suiteName);
    // The schema's timestamp is local time without a zone; UTC says which.
    const QDateTime started = run.info.started.isValid() ? run.info.started : QDateTime::currentDateTime();
    xml.writeAttribute(QStringLiteral("timestamp"), started.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")));
    xml.writeAttribute(QStringLiteral("hostname"),
                       run.info.host.trimmed().isEmpty() ? QStringLiteral("localhost") : run.info.host);
    xml.writeAttribute(QStringLiteral("tests"), QString::number(workloads.size() + claims.size()));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    xml.writeAttribute(QStringLiteral("errors"), QString::number(errors));
    xml.writeAttribute(QStringLiteral("skipped"), QString::number(skipped));
    const double runSeconds = run.info.started.isValid() && run.info.finished.isValid()
        ? double(run.info.started.msecsTo(run.info.finished)) / 1000
        : 0;
    xml.writeAttribute(QStringLiteral("time"), seconds(runSeconds));

    xml.writeStartElement(QStringLiteral("properties"));
    writeProperty(xml, QStringLiteral("cpu"), run.info.cpu);
    writeProperty(xml, QStringLiteral("os"), run.info.os);
    writeProperty(xml, QStringLiteral("git_commit"), run.info.gitCommit);
    writeProperty(xml, QStringLiteral("tool_version"), run.info.toolVersion);
    writeProperty(xml, QStringLiteral("cancelled"), run.cancelled ? QStringLiteral("true") : QStringLiteral("false"));
    xml.writeEndElement();

    for (std::size_t i = 0; i < run.results.size(); ++i) {
        const Result& r = run.results[i];
        writeCase(xml, categoryName(r.info.category), r.info.id, measuredSeconds(r), workloads[i]);
    }
    for (std::size_t i = 0; i < run.claims.size(); ++i)
        writeCase(xml, QStringLiteral("claim"), run.claims[i].name, 0, claims[i]);

    // The schema wants both, even empty: a run's own output is in its other files.
    xml.writeTextElement(QStringLiteral("system-out"), QString());
    xml.writeTextElement(QStringLiteral("system-err"), QString());
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

} // namespace crucible
