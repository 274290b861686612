#include "RatioChart.h"

#include "Axes.h"

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace crucible::charts {

namespace {
// "architecture.tool_exec" → "tool_exec". Pairs whose ids share no more than the category
// are named by their two sides instead, and the axis needs every label distinct (a
// QBarCategoryAxis silently drops repeated categories, and with them their data).
QStringList pairLabels(std::span<const PairRatio> pairs)
{
    QStringList labels;
    for (const PairRatio& p : pairs) {
        const qsizetype dot = p.name.indexOf(QLatin1Char('.'));
        QString label = dot >= 0 ? p.name.mid(dot + 1) : QString();
        if (label.isEmpty() || labels.contains(label)) {
            const qsizetype stem = p.name.size() + 1;
            label = QStringLiteral("%1 → %2").arg(p.oldId.mid(stem), p.newId.mid(stem));
        }
        while (labels.contains(label))
            label += QLatin1Char(' ');
        labels << label;
    }
    return labels;
}

// The value axis: always shows 1 (the reference), logarithmic when ratios span a wide range,
// since a ratio of 0.1 is as far from 1 as 10 is.
QAbstractAxis* addRatioAxis(QChart& chart, double lo, double hi, const ChartLook& look)
{
    lo = std::min(lo, 1.0);
    hi = std::max(hi, 1.0);
    QAbstractAxis* axis = nullptr;
    if (hi / lo > 8) {
        axis = makeDecadeLogAxis(lo, hi);
    } else {
        auto* linear = new QValueAxis;
        linear->setRange(std::max(0.0, lo - (hi - lo) * 0.1), hi + (hi - lo) * 0.1);
        linear->applyNiceNumbers();
        linear->setLabelFormat(QStringLiteral("%.2g"));
        axis = linear;
    }
    // The reading cue on the chart itself, so that the window and the PDF both carry it.
    axis->setTitleText(QStringLiteral("new / old (below 1: new way faster)"));
    applyLook(*axis, look);
    chart.addAxis(axis, Qt::AlignLeft);
    return axis;
}
} // namespace

std::unique_ptr<QChart> ratioChart(std::span<const PairRatio> pairs, const ChartOptions& options)
{
    auto chart = std::make_unique<QChart>();
    applyLook(*chart, options.look);
    chart->setTitle(QStringLiteral("Pairs: new way relative to old, with 95% confidence intervals"));
    chart->legend()->hide();
    if (pairs.empty())
        return chart;

    const QStringList labels = pairLabels(pairs);
    double lo = std::numeric_limits<double>::max();
    double hi = 0;
    for (const PairRatio& p : pairs) {
        lo = std::min({lo, p.ci95.low > 0 ? p.ci95.low : p.ratio, p.ratio});
        hi = std::max({hi, p.ci95.high, p.ratio});
    }
    QBarCategoryAxis* x = addCategoryAxis(*chart, labels, options.look);
    QAbstractAxis* y = addRatioAxis(*chart, std::max(lo, 1e-6), hi, options.look);

    // A box collapsed onto the ratio, with its whiskers at the interval's ends: an error bar.
    auto* whiskers = new QBoxPlotSeries;
    QList<QPointF> points;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const PairRatio& p = pairs[i];
        whiskers->append(new QBoxSet(p.ci95.low, p.ratio, p.ratio, p.ratio, p.ci95.high, labels[qsizetype(i)]));
        points.append(QPointF(double(i), p.ratio));
    }
    whiskers->setPen(QPen(options.look.seriesColor(0), 1.5));
    whiskers->setBrush(Qt::NoBrush);
    whiskers->setBoxWidth(0.25);
    chart->addSeries(whiskers);
    whiskers->attachAxis(x);
    whiskers->attachAxis(y);

    auto* dots = new QScatterSeries;
    dots->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    dots->setMarkerSize(7);
    dots->setColor(options.look.seriesColor(0));
    dots->setBorderColor(options.look.seriesColor(0));
    dots->replace(points);
    chart->addSeries(dots);
    dots->attachAxis(x);
    dots->attachAxis(y);

    auto* reference = new QLineSeries;
    reference->setPen(QPen(options.look.reference, 1.0, Qt::DashLine));
    reference->replace({QPointF(-0.5, 1.0), QPointF(double(pairs.size()) - 0.5, 1.0)});
    chart->addSeries(reference);
    reference->attachAxis(x);
    reference->attachAxis(y);
    fitCategoryLabels(*chart, *x, options);
    return chart;
}

} // namespace crucible::charts
