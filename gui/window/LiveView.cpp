#include "LiveView.h"

#include "EmptyState.h"
#include "LiveChart.h"
#include "Statistics.h"

#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace crucible::gui {

namespace {

// One point per sample: x the sample's index in the run of its workload, y what `value` reads.
template <typename Value>
QList<QPointF> samplePoints(const Samples& samples, int firstIndex, Value value)
{
    QList<QPointF> points;
    points.reserve(qsizetype(samples.size()));
    for (std::size_t i = 0; i < samples.size(); ++i)
        points.append(QPointF(firstIndex + int(i), value(samples[i])));
    return points;
}

double latencyOf(const Sample& s)
{
    return s.perIterationNs();
}

double memoryOf(const Sample& s)
{
    return double(s.rssBytes);
}

bool hasMemory(const Result& r)
{
    return std::any_of(r.samples.begin(), r.samples.end(), [](const Sample& s) { return s.rssBytes > 0; });
}

// The middle half of `run`'s samples as `value` reads them, and their median.
template <typename Value>
charts::LiveChart::Band bandOf(const EarlierRun& run, Value value)
{
    std::vector<double> values;
    values.reserve(run.result.samples.size());
    for (const Sample& s : run.result.samples)
        values.push_back(value(s));
    std::sort(values.begin(), values.end());
    return {stats::quantileSorted(values, 0.25), stats::quantileSorted(values, 0.5), stats::quantileSorted(values, 0.75),
            LiveView::tr("%1: median, middle 50%").arg(run.legendName())};
}

} // namespace

LiveView::LiveView(QWidget* parent)
    : QWidget(parent),
      m_latency(new charts::LiveChart(tr("Latency"), tr("sample"), charts::LiveChart::ValueKind::TimeNs)),
      m_memory(new charts::LiveChart(tr("Memory"), tr("sample"), charts::LiveChart::ValueKind::Bytes)),
      m_speed(new charts::LiveChart(tr("Machine speed: reference kernel (higher is slower)"), tr("slot"),
                                    charts::LiveChart::ValueKind::TimeNs))
{
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_latency);
    splitter->addWidget(m_memory);
    splitter->addWidget(m_speed);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 1);
    // Until samples come, a hint instead of three charts with meaningless axes.
    m_empty = new EmptyState(splitter, tr("No samples yet."), this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
}

void LiveView::setIdleHint(const QString& hint)
{
    m_idleHint = hint;
    if (m_empty->showsHint() && m_runSamples.empty())
        m_empty->setHint(hint);
}

void LiveView::endRun()
{
    if (m_empty->showsHint())
        m_empty->setHint(m_idleHint);
}

void LiveView::setLook(const charts::ChartLook& look)
{
    m_latency->setLook(look);
    m_memory->setLook(look);
    m_speed->setLook(look);
}

void LiveView::startRun()
{
    m_runSamples.clear();
    m_currentId.clear();
    m_referenceIndex = 0;
    m_speed->clear();
    // The warm-up comes before the first sample: say so rather than draw empty axes.
    m_empty->setHint(tr("Measuring: the charts start with the first samples, after each workload's warm-up."));
    m_empty->showHint();
}

void LiveView::showWorkload(const WorkloadInfo& info, const LiveOverlays& earlier)
{
    if (info.id == m_currentId)
        return; // a pair's side, or the same workload's next round right after its last
    m_currentId = info.id;
    m_sampleIndex = 0;
    m_latency->clearLine(); // the earlier runs are replaced below, in place where they can be
    m_memory->clearLine();
    m_latency->setTitle(tr("Latency: %1").arg(info.id));
    m_memory->setTitle(tr("Memory: %1").arg(info.id));
    setEarlier(info.id, earlier);
    if (const auto it = m_runSamples.find(info.id); it != m_runSamples.end())
        appendToCharts(it->second); // its earlier rounds of this run
}

void LiveView::addReference(const ReferencePoint& point)
{
    const QPointF p(m_referenceIndex++, point.ns);
    m_speed->append(std::span<const QPointF>(&p, 1));
}

void LiveView::setEarlier(const QString& id, const LiveOverlays& earlier)
{
    if (id != m_currentId)
        return;
    std::vector<QList<QPointF>> latency;
    std::vector<QList<QPointF>> memory;
    QStringList latencyLabels;
    QStringList memoryLabels;
    for (const EarlierRun& run : earlier.recent) {
        if (run.result.samples.empty())
            continue;
        latency.push_back(samplePoints(run.result.samples, 0, latencyOf));
        latencyLabels << run.legendName();
        if (run.memoryCompares && hasMemory(run.result)) {
            memory.push_back(samplePoints(run.result.samples, 0, memoryOf));
            memoryLabels << run.legendName();
        }
    }
    const std::optional<EarlierRun>& base = earlier.baseline;
    const bool baseHasSamples = base && !base->result.samples.empty();
    m_latency->setHistory(baseHasSamples ? std::optional(bandOf(*base, latencyOf)) : std::nullopt, std::move(latency),
                          latencyLabels);
    m_memory->setHistory(baseHasSamples && base->memoryCompares && hasMemory(base->result)
                             ? std::optional(bandOf(*base, memoryOf))
                             : std::nullopt,
                         std::move(memory), memoryLabels);
}

void LiveView::showResult(const Result& result, const LiveOverlays& earlier)
{
    m_runSamples[result.info.id] = result.samples;
    m_currentId.clear(); // shown afresh, even when it is the workload shown now
    showWorkload(result.info, earlier);
    refresh();
}

void LiveView::addSamples(const QString& id, const Samples& batch)
{
    Samples& kept = m_runSamples[id];
    kept.insert(kept.end(), batch.begin(), batch.end());
    if (id != m_currentId)
        return; // the other side of an interleaved pair, or a workload of another slot
    appendToCharts(batch);
}

void LiveView::appendToCharts(const Samples& batch)
{
    const QList<QPointF> latency = samplePoints(batch, m_sampleIndex, latencyOf);
    const QList<QPointF> memory = samplePoints(batch, m_sampleIndex, memoryOf);
    m_latency->append(latency);
    m_memory->append(memory);
    m_sampleIndex += int(batch.size());
    if (!batch.empty())
        m_empty->showContent();
}

void LiveView::setExpectedSamples(int count)
{
    for (charts::LiveChart* chart : {m_latency, m_memory})
        chart->setMinimumXExtent(count > 1 ? count - 1 : 0);
}

void LiveView::refresh()
{
    m_latency->refresh();
    m_memory->refresh();
    m_speed->refresh();
}

} // namespace crucible::gui
