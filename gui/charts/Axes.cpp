#include "Axes.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace crucible::charts {

// Whole decades, so that every label is 1, 10, 100 … of the unit; a hair beyond, because Qt
// Charts hides a tick label that sits exactly on the end of the axis.
double decadeFloor(double v)
{
    return std::pow(10, std::floor(std::log10(v))) * 0.98;
}

double decadeCeil(double v)
{
    return std::pow(10, std::ceil(std::log10(v))) * 1.02;
}

QLogValueAxis* makeDecadeLogAxis(double lo, double hi)
{
    auto* log = new QLogValueAxis;
    log->setBase(10);
    log->setLabelFormat(QStringLiteral("%g"));
    log->setRange(decadeFloor(lo), decadeCeil(hi));
    log->setMinorTickCount(8);
    return log;
}

QAbstractAxis* addTimeAxis(QChart& chart, double minNs, double maxNs, const QString& what, const ChartLook& look,
                           TimeScale* scale)
{
    const bool logarithmic = wantsLogAxis(minNs, maxNs);
    *scale = timeScaleForRange(minNs, maxNs, logarithmic);
    const QString title = QStringLiteral("%1 (%2)").arg(what, scale->unit);
    const double lo = scale->fromNs(minNs);
    const double hi = scale->fromNs(maxNs);
    QAbstractAxis* axis = nullptr;
    if (logarithmic) {
        axis = makeDecadeLogAxis(lo, hi);
    } else {
        auto* linear = new QValueAxis;
        const double pad = hi > lo ? (hi - lo) * 0.08 : std::max(std::abs(hi) * 0.05, 1e-9);
        linear->setRange(std::max(0.0, lo - pad), hi + pad);
        linear->applyNiceNumbers();
        linear->setLabelFormat(QStringLiteral("%.4g"));
        axis = linear;
    }
    axis->setTitleText(title);
    applyLook(*axis, look);
    chart.addAxis(axis, Qt::AlignLeft);
    return axis;
}

QValueAxis* addValueAxis(QChart& chart, Qt::Alignment alignment, const QString& title, const QString& labelFormat,
                         const ChartLook& look)
{
    auto* axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setLabelFormat(labelFormat);
    applyLook(*axis, look);
    chart.addAxis(axis, alignment);
    return axis;
}

QBarCategoryAxis* addCategoryAxis(QChart& chart, const QStringList& labels, const ChartLook& look)
{
    auto* axis = new QBarCategoryAxis;
    axis->append(labels);
    applyLook(*axis, look);
    axis->setGridLineVisible(false);
    chart.addAxis(axis, Qt::AlignBottom);
    return axis;
}

namespace {
// Characters of the category labels that the laid-out chart shows (a cut label ends in "...").
qsizetype shownLabelCharacters(const QGraphicsScene& scene, const QStringList& categories)
{
    static const QLatin1String kEllipsis("...");
    qsizetype shown = 0;
    for (const QGraphicsItem* item : scene.items()) {
        const auto* text = dynamic_cast<const QGraphicsTextItem*>(item);
        if (!text || !text->isVisible())
            continue;
        const QString plain = text->toPlainText();
        if (categories.contains(plain)) {
            shown += plain.size();
        } else if (plain.endsWith(kEllipsis)) {
            const QString kept = plain.chopped(kEllipsis.size());
            if (std::any_of(categories.begin(), categories.end(), [&](const QString& c) { return c.startsWith(kept); }))
                shown += kept.size();
        }
    }
    return shown;
}
} // namespace

void fitCategoryLabels(QChart& chart, QBarCategoryAxis& axis, const ChartOptions& options)
{
    const QStringList categories = axis.categories();
    qsizetype total = 0;
    for (const QString& c : categories)
        total += c.size();
    QGraphicsScene scene;
    scene.addItem(&chart);
    chart.setGeometry(QRectF(0, 0, options.widthPx, options.heightPx));
    int bestAngle = 0;
    qsizetype bestShown = -1;
    for (int angle : {0, -30, -45, -60, -90}) {
        axis.setLabelsAngle(angle);
        chart.layout()->activate();
        const qsizetype shown = shownLabelCharacters(scene, categories);
        if (shown > bestShown) {
            bestShown = shown;
            bestAngle = angle;
        }
        if (shown >= total)
            break;
    }
    axis.setLabelsAngle(bestAngle);
    scene.removeItem(&chart);
}

} // namespace crucible::charts
