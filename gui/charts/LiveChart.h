#pragma once

#include "ChartLook.h"
#include "MinMaxPyramid.h"
#include "NiceScale.h"
#include "PlotLines.h"

#include <QList>
#include <QPointF>
#include <QStringList>
#include <QWidget>

#include <optional>
#include <span>
#include <vector>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace crucible::charts {

// A line chart fed while a suite runs: the current series plus faint overlays (earlier runs of
// the same workload) and a band across the whole width (the baseline's middle half of samples,
// with its median), which reads the same however many samples either run has. Points go into the widget's own buffer;
// refresh() decimates the buffer to about two points per pixel column and replace()s the shown series in one go.
// Appending point by point to a shown QLineSeries costs a signal and a relayout per point — quadratic over a long run —
// so nothing else touches the series. The owner calls refresh() from a timer, which bounds the redraw rate however fast
// samples arrive.
//
// What a frame costs, and why it stays small with a million points (benchmarks/bench_gui):
//  - the buffer is a MinMaxPyramid, so decimation looks up blocks instead of rescanning;
//  - every axis range change makes Qt Charts lay out the axis labels again (and rebuild each
//    series' geometry), so ranges are rounded to nice numbers here and set only when they
//    change, the x axis is sized for the whole run up front (setMinimumXExtent), and overlays
//    are replaced only when the columns or the unit change;
//  - the lines are drawn by a PlotLines item over the plot area, not by QLineSeries, which
//    stroke an outline of every line on each change and draw it segment by segment; lines get
//    a cosmetic one-pixel pen, the raster engine's fast path (a wider pen is stroked into a
//    polygon and filled: ten times the cost). The (empty) series remain for the legend.
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
    // Clears the current series only: a new workload starts, its earlier runs come next.
    // One current line, named "this run".
    void clearLine();
    // Clears the current series and makes one current line per name (the two sides of an
    // interleaved pair, measured together), each in its own colour and named in the legend.
    void setCurrentLines(const QStringList& names);
    std::size_t currentLineCount() const { return m_points.size(); }
    // Points in order of x, after those already appended to current line `line`.
    void append(std::span<const QPointF> points, std::size_t line = 0);
    // A reference drawn behind everything across the whole width: low…high shaded, a dashed
    // line at middle; in the values' unit (ns or bytes), named `label` in the legend.
    struct Band {
        double low = 0;
        double middle = 0;
        double high = 0;
        QString label;
    };
    // What is drawn behind the current series: the band, and earlier runs as faint lines that
    // `labels` name in the legend. The legend is laid out again only when its number of
    // entries changes.
    void setHistory(std::optional<Band> band, const std::vector<QList<QPointF>>& overlays, const QStringList& labels);
    const std::optional<Band>& band() const { return m_band; }
    std::size_t overlayCount() const { return m_overlays.size(); }
    // The x axis reaches at least `x` (the sample count the run will have): it is laid out once
    // instead of growing, and relaid, as samples come. 0: follow the data only.
    void setMinimumXExtent(double x);

    // Redraws when something changed since the last call; returns whether it did.
    bool refresh();

    qsizetype bufferedPoints() const;
    // Whether the axes are drawn: only once there is something to draw on them.
    bool axesShown() const { return m_axesShown; }
    qsizetype shownPoints() const;
    QChart* chart() const { return m_chart; }

private:
    void rescale();
    void applyPens();
    // Puts the series in legend order: the band, the overlays, the current run's lines.
    void restack();
    // Replace the data; true when the legend's entries changed in number (restack() is due).
    bool replaceOverlays(const std::vector<QList<QPointF>>& overlays, const QStringList& labels);
    bool replaceBand(std::optional<Band> band);
    // Sets the axes to the data's nice ranges (and y's title to its unit), touching only what
    // changed; returns the divisor of y values into the axis unit.
    double updateAxes();

    ValueKind m_kind;
    ChartLook m_look;
    QChart* m_chart;
    QChartView* m_view;
    std::vector<QLineSeries*> m_currentSeries; // legend entries of the current run's lines
    std::vector<QLineSeries*> m_overlaySeries; // legend entries of the overlays
    QAreaSeries* m_bandSeries = nullptr;       // legend entry of the band, when there is one
    std::optional<Band> m_band;
    PlotLines* m_lines; // overlays, then the current run's lines
    std::vector<MinMaxPyramid> m_overlays;
    QValueAxis* m_x;
    QValueAxis* m_y;
    std::vector<MinMaxPyramid> m_points; // the current run's lines, one per current series
    bool m_dirty = false;
    bool m_overlaysDirty = false;
    // What the shown series and axes were last built for.
    NiceScale m_xScale{0, 0, 0}; // none yet: the first rescale sets both
    NiceScale m_yScale{0, 0, 0};
    QString m_yTitle;
    double m_minimumXExtent = 0;
    int m_columns = 0;
    double m_divisor = 0;
    bool m_axesShown = true;
};

} // namespace crucible::charts
