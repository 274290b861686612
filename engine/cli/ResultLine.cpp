#include "ResultLine.h"

#include "Stability.h"
#include "TerminalWidth.h"
#include "export/TextReports.h"

namespace crucible {

namespace {

constexpr int kIdColumn = 44;

// The figures after the id, most needed first: each later one is dropped first when space is short.
QStringList figuresOf(const Result& r)
{
    if (r.status != Status::Ok)
        return {QStringLiteral("%1: %2").arg(statusName(r.status).toUpper(), r.error)};
    const stats::Summary& s = r.summary;
    QStringList figures{QStringLiteral("median %1").arg(formatMeasure(s.median, r.info.unit), 10)};
    if (r.stability.unstable)
        figures.insert(1, QStringLiteral("⚠ unstable: ") + describeShift(r.stability));
    figures << QStringLiteral("[%1 … %2]")
                   .arg(formatMeasure(s.ci95.low, r.info.unit), formatMeasure(s.ci95.high, r.info.unit))
            << QStringLiteral("cv %1%").arg(s.cv * 100, 5, 'f', 1)
            << QStringLiteral("%1 samples").arg(r.samples.size());
    return figures;
}

// The figures in the order a reader expects them (median, CI, CV, samples, then a warning).
QString joined(QStringList figures)
{
    const auto warning = std::find_if(figures.begin(), figures.end(),
                                      [](const QString& f) { return f.startsWith(QStringLiteral("⚠")); });
    if (warning != figures.end()) {
        const QString w = *warning;
        figures.erase(warning);
        figures << w;
    }
    return figures.join(QStringLiteral("  "));
}

} // namespace

QString resultLine(const Result& r, int width)
{
    QStringList figures = figuresOf(r);
    // One multi-argument arg(): an id holding "%2" is not taken for a placeholder.
    QString oneLine = QStringLiteral("%1 %2\n").arg(r.info.id.leftJustified(kIdColumn), joined(figures));
    // The last column stays empty: writing into it makes some terminals wrap.
    const int usable = width - 1;
    if (width <= 0 || oneLine.size() - 1 <= usable)
        return oneLine;
    const QString indent(2, QLatin1Char(' '));
    while (figures.size() > 1 && indent.size() + joined(figures).size() > usable)
        figures.removeLast();
    return elideMiddle(r.info.id, usable) + QLatin1Char('\n') + elideMiddle(indent + joined(figures), usable)
        + QLatin1Char('\n');
}

} // namespace crucible
