#pragma once

#include "ChartLook.h"
#include "EarlierRun.h"
#include "Result.h"

#include <QWidget>

#include <map>
#include <vector>

namespace crucible::charts {
class LiveChart;
}

namespace crucible::gui {

class EmptyState;

// The live charts of a running suite: time per iteration of each sample of the current
// workload, the process's resident memory after each sample, and the machine-speed reference
// measured before each slot of each round. Earlier runs of the same workload are overlaid
// faintly, so a user sees at once whether today's run sits where it used to. A run visits its
// workloads in rounds (SuiteRunner.h), so the view keeps each workload's samples of the run:
// when a workload comes back in a later round, its line continues where it left off. The two
// sides of an interleaved pair are measured in one slot and drawn as two lines of one chart.
class LiveView : public QWidget {
    Q_OBJECT
public:
    explicit LiveView(QWidget* parent = nullptr);

    void setLook(const charts::ChartLook& look);
    // What the view says in place of the charts until there are samples to draw.
    void setIdleHint(const QString& hint);
    // The run ended: with no sample drawn, the idle hint comes back.
    void endRun();
    EmptyState* emptyState() const { return m_empty; }
    // Starts showing `info`, with the same workload's earlier results behind it.
    // Forgets the samples of the previous run.
    // `interleaved`: the run measures all its workloads in one group (Suite::interleaved, the
    // commands of File ▸ Compare commands…), so the charts draw all of them at once.
    void startRun(bool interleaved = false);
    // Starts (or, in a later round, goes back to) showing `info`, with the same workload's
    // earlier results behind it; the other side of the pair on screen joins it as a second line.
    void showWorkload(const WorkloadInfo& info, const LiveOverlays& earlier);
    void addReference(const ReferencePoint& point);
    // Shows a finished result, e.g. when a row of the results table is chosen.
    void showResult(const Result& result, const LiveOverlays& earlier);
    // Replaces the overlays while `id` is still the workload shown: earlier results that come
    // from the history store after the workload started. Memory is overlaid only for results
    // that recorded it (imported runs have none) in a process like this one.
    void setEarlier(const QString& id, const LiveOverlays& earlier);
    void addSamples(const QString& id, const Samples& batch);
    // How many samples each workload of the run takes: the x axes are laid out for all of them
    // at once (0: they grow with the samples).
    void setExpectedSamples(int count);
    // Redraws the charts if new samples came; the window calls this from a timer.
    void refresh();

    // The workload whose earlier runs are drawn behind the lines (the first side of a pair).
    QString currentId() const { return m_currentId; }
    // The workloads drawn as this run's lines: one, or both sides of an interleaved pair.
    const QStringList& shownIds() const { return m_shownIds; }
    charts::LiveChart* latencyChart() const { return m_latency; }
    charts::LiveChart* memoryChart() const { return m_memory; }
    charts::LiveChart* machineSpeedChart() const { return m_speed; }

private:
    void appendToCharts(const Samples& batch, std::size_t line);
    // Sets the charts' lines and titles for m_shownIds and draws what this run has of them.
    void drawShownLines();

    charts::LiveChart* m_latency;
    charts::LiveChart* m_memory;
    charts::LiveChart* m_speed;
    EmptyState* m_empty = nullptr;
    QString m_idleHint;
    QString m_currentId;
    QStringList m_shownIds;
    bool m_interleaved = false;
    std::vector<int> m_sampleIndices; // per shown line: the x of its next sample
    int m_referenceIndex = 0;
    std::map<QString, Samples> m_runSamples; // this run's samples so far, per workload
};

} // namespace crucible::gui
