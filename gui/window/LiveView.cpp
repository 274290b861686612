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
    return {stats::quantileSorted(values, 0.25), stats::quantileSorted(values, 0.5),
            stats::quantileSorted(values, 0.75), LiveView::tr("%1: median, middle 50%").arg(run.legendName())};
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
    // Short as it is, the machine-speed chart must keep room for its tick labels and title.
    m_speed->setMinimumHeight(160);
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

void LiveView::startRun(bool interleaved)
{
    m_interleaved = interleaved;
    m_runSamples.clear();
    m_currentId.clear();
    m_shownIds.clear();
    m_referenceIndex = 0;
    m_speed->clear();
    // The warm-up comes before the first sample: say so rather than draw empty axes.
    m_empty->setHint(tr("Measuring: the charts start with the first samples, after each workload's warm-up."));
    m_empty->showHint();
}

void LiveView::showWorkload(const WorkloadInfo& info, const LiveOverlays& earlier)
{
    if (m_shownIds.contains(info.id))
        return; // the same slot's next round right after its last, or a side already drawn
    if (!m_shownIds.isEmpty() && (m_interleaved || m_shownIds.contains(info.pairedWith))) {
        // The other side of the pair on screen: the two are measured together, interleaved,
        // so they are drawn together, one line each; the first side's history stays behind.
        m_shownIds << info.id;
        drawShownLines();
        return;
    }
    m_currentId = info.id;
    m_shownIds = {info.id};
    drawShownLines(); // the earlier runs are replaced below, in place where they can be
    setEarlier(info.id, earlier);
}

void LiveView::drawShownLines()
{
    QString title = m_shownIds.front();
    QStringList names{tr("this run")};
    if (m_shownIds.size() > 1) {
        // "architecture.events: string_keyed and typed": the part the ids share, said once.
        const qsizetype cut = m_shownIds.front().lastIndexOf(QLatin1Char('.')) + 1;
        const QString prefix = m_shownIds.front().left(cut);
        const bool shared = !m_interleaved && cut > 0
            && std::all_of(m_shownIds.begin(), m_shownIds.end(),
                           [&](const QString& id) { return id.startsWith(prefix); });
        names.clear();
        for (const QString& id : m_shownIds)
            names << (shared ? id.mid(cut) : id);
        title =
            shared ? QStringLiteral("%1: %2").arg(prefix.chopped(1), names.join(tr(" and "))) : names.join(tr(" and "));
    }
    m_latency->setCurrentLines(names);
    m_memory->setCurrentLines(names);
    m_latency->setTitle(tr("Latency: %1").arg(title));
    m_memory->setTitle(tr("Memory: %1").arg(title));
    m_sampleIndices.assign(std::size_t(m_shownIds.size()), 0);
    for (qsizetype line = 0; line < m_shownIds.size(); ++line)
        if (const auto it = m_runSamples.find(m_shownIds[line]); it != m_runSamples.end())
            appendToCharts(it->second, std::size_t(line)); // its earlier rounds of this run
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
    m_latency->setHistory(baseHasSamples ? std::optional(bandOf(*base, latencyOf)) : std::nullopt, latency,
                          latencyLabels);
    m_memory->setHistory(baseHasSamples && base->memoryCompares && hasMemory(base->result)
                             ? std::optional(bandOf(*base, memoryOf))
                             : std::nullopt,
                         memory, memoryLabels);
}

void LiveView::showResult(const Result& result, const LiveOverlays& earlier)
{
    m_runSamples[result.info.id] = result.samples;
    m_shownIds.clear(); // shown afresh and alone, even when it is the workload shown now
    showWorkload(result.info, earlier);
    refresh();
}

void LiveView::addSamples(const QString& id, const Samples& batch)
{
    Samples& kept = m_runSamples[id];
    kept.insert(kept.end(), batch.begin(), batch.end());
    const qsizetype line = m_shownIds.indexOf(id);
    if (line < 0)
        return; // a workload of another slot
    appendToCharts(batch, std::size_t(line));
}

void LiveView::appendToCharts(const Samples& batch, std::size_t line)
{
    int& next = m_sampleIndices[line];
    const QList<QPointF> latency = samplePoints(batch, next, latencyOf);
    const QList<QPointF> memory = samplePoints(batch, next, memoryOf);
    m_latency->append(latency, line);
    m_memory->append(memory, line);
    next += int(batch.size());
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
