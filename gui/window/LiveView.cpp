#include "LiveView.h"

#include "LiveChart.h"

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

} // namespace

LiveView::LiveView(QWidget* parent)
    : QWidget(parent),
      m_latency(new charts::LiveChart(tr("Latency"), tr("sample"), charts::LiveChart::ValueKind::TimeNs)),
      m_memory(new charts::LiveChart(tr("Memory"), tr("sample"), charts::LiveChart::ValueKind::Bytes))
{
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_latency);
    splitter->addWidget(m_memory);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void LiveView::setLook(const charts::ChartLook& look)
{
    m_latency->setLook(look);
    m_memory->setLook(look);
}

void LiveView::showWorkload(const WorkloadInfo& info, const std::vector<Result>& earlier, const QStringList& labels)
{
    m_currentId = info.id;
    m_sampleIndex = 0;
    m_latency->clear();
    m_memory->clear();
    m_latency->setTitle(tr("Latency: %1").arg(info.id));
    m_memory->setTitle(tr("Memory: %1").arg(info.id));
    setEarlier(info.id, earlier, labels);
}

void LiveView::setEarlier(const QString& id, const std::vector<Result>& earlier, const QStringList& labels)
{
    if (id != m_currentId)
        return;
    std::vector<QList<QPointF>> latency;
    std::vector<QList<QPointF>> memory;
    QStringList memoryLabels;
    for (std::size_t i = 0; i < earlier.size(); ++i) {
        const Result& r = earlier[i];
        latency.push_back(samplePoints(r.samples, 0, latencyOf));
        if (std::any_of(r.samples.begin(), r.samples.end(), [](const Sample& s) { return s.rssBytes > 0; })) {
            memory.push_back(samplePoints(r.samples, 0, memoryOf));
            memoryLabels << labels.value(qsizetype(i));
        }
    }
    m_latency->setOverlays(std::move(latency), labels);
    m_memory->setOverlays(std::move(memory), memoryLabels);
}

void LiveView::showResult(const Result& result, const std::vector<Result>& earlier, const QStringList& labels)
{
    showWorkload(result.info, earlier, labels);
    addSamples(result.info.id, result.samples);
    refresh();
}

void LiveView::addSamples(const QString& id, const Samples& batch)
{
    if (id != m_currentId)
        return; // the other side of an interleaved pair, or a stale batch
    const QList<QPointF> latency = samplePoints(batch, m_sampleIndex, latencyOf);
    const QList<QPointF> memory = samplePoints(batch, m_sampleIndex, memoryOf);
    m_latency->append(latency);
    m_memory->append(memory);
    m_sampleIndex += int(batch.size());
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
}

} // namespace crucible::gui
