#pragma once

#include "ChartLook.h"

#include <QList>
#include <QPointF>
#include <QWidget>

#include <span>
#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace crucible::charts {

// A line chart fed while a suite runs: the current series plus faint overlays (earlier runs of
// the same workload). Points go into the widget's own buffer; refresh() decimates the buffer to
// about two points per pixel column and replace()s the shown series in one go. Appending point
// by point to a shown QLineSeries costs a signal and a relayout per point — quadratic over a
// long run — so nothing else touches the series. The owner calls refresh() from a timer, which
// bounds the redraw rate however fast samples arrive.
class LiveChart : public QWidget {
    Q_OBJECT
public:
    enum class ValueKind { TimeNs, Bytes };

    LiveChart(const QString& title, const QString& xTitle, ValueKind kind, QWidget* parent = nullptr);
    ~LiveChart() override;

    void setLook(const ChartLook& look);
    void setTitle(const QString& title);
    // Clears the current series and the overlays.
    void clear();
    void append(std::span<const QPointF> points);
    // Earlier runs, drawn faint behind the current series; `labels` name them in the legend.
    void setOverlays(std::vector<QList<QPointF>> overlays, const QStringList& labels);

    // Redraws when something changed since the last call; returns whether it did.
    bool refresh();

    qsizetype bufferedPoints() const { return m_points.size(); }
    qsizetype shownPoints() const;
    QChart* chart() const { return m_chart; }

private:
    struct Range {
        double minX = 0, maxX = 1, minY = 0, maxY = 1;
        bool empty = true;
        void include(const QList<QPointF>& points);
    };

    void rescale();

    ValueKind m_kind;
    ChartLook m_look;
    QChart* m_chart;
    QChartView* m_view;
    QLineSeries* m_current;
    std::vector<QLineSeries*> m_overlaySeries;
    std::vector<QList<QPointF>> m_overlays;
    QValueAxis* m_x;
    QValueAxis* m_y;
    QList<QPointF> m_points;
    Range m_pointsRange; // of m_points
    bool m_dirty = false;
};

} // namespace crucible::charts
