#include "MemoryChart.h"

#include "Axes.h"
#include "Decimation.h"
#include "Labels.h"

#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <limits>

namespace crucible::charts {

std::unique_ptr<QChart> memoryChart(std::span<const Result* const> results, const ChartOptions& options)
{
    auto chart = std::make_unique<QChart>();
    applyLook(*chart, options.look);
    chart->setTitle(QStringLiteral("Memory: resident set size after each sample"));

    constexpr double kMiB = 1024.0 * 1024.0;
    std::size_t total = 0;
    double lo = std::numeric_limits<double>::max();
    double hi = 0;
    std::vector<const Result*> shown;
    for (const Result* r : results) {
        if (r->samples.empty())
            continue;
        shown.push_back(r);
        total += r->samples.size();
        for (const Sample& s : r->samples) {
            lo = std::min(lo, double(s.rssBytes) / kMiB);
            hi = std::max(hi, double(s.rssBytes) / kMiB);
        }
    }
    if (shown.empty()) {
        chart->legend()->hide();
        return chart;
    }
    QValueAxis* x = addValueAxis(*chart, Qt::AlignBottom, QStringLiteral("sample (workloads in run order)"),
                                 QStringLiteral("%d"), options.look);
    x->setRange(0, double(std::max<std::size_t>(total, 2) - 1));
    x->applyNiceNumbers();
    QValueAxis* y =
        addValueAxis(*chart, Qt::AlignLeft, QStringLiteral("RSS (MiB)"), QStringLiteral("%.1f"), options.look);
    // Half a MiB of headroom at least: a flat line must look flat, not like noise blown up.
    const double pad = std::max((hi - lo) * 0.1, 0.5);
    y->setRange(std::max(0.0, lo - pad), hi + pad);
    y->applyNiceNumbers();

    // Each workload gets its share of the width for decimation.
    std::size_t offset = 0;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const Result& r = *shown[i];
        std::vector<QPointF> points;
        points.reserve(r.samples.size());
        for (std::size_t s = 0; s < r.samples.size(); ++s)
            points.emplace_back(double(offset + s), double(r.samples[s].rssBytes) / kMiB);
        offset += r.samples.size();
        auto* line = new QLineSeries;
        line->setName(shortId(r.info));
        line->setPen(QPen(options.look.seriesColor(int(i)), 1.5));
        const int columns = int(double(options.widthPx) * double(r.samples.size()) / double(total)) + 1;
        line->replace(decimateMinMax(points, columns));
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    chart->legend()->setVisible(shown.size() > 1);
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

} // namespace crucible::charts
