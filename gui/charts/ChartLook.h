#pragma once

#include <QColor>
#include <QFont>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QChart;
QT_END_NAMESPACE

namespace crucible::charts {

// How a chart looks, apart from what it shows. The builders take one, so that the same chart
// can be drawn for paper (print(): white, dark text, thin grid) or, by the window, in colours
// taken from the widget palette.
struct ChartLook {
    QColor background = Qt::white;
    QColor text{0x22, 0x22, 0x22};
    QColor grid{0xdd, 0xdd, 0xdd};
    QColor axisLine{0x88, 0x88, 0x88};
    QColor reference{0x66, 0x66, 0x66}; // median lines, the "no change" line of a ratio
    double titlePointSize = 9;
    double labelPointSize = 7.5;
    QString fontFamily = QStringLiteral("DejaVu Sans");

    static ChartLook print();

    QFont titleFont() const;
    QFont labelFont() const;
    // The n-th series colour: a palette readable on white and told apart in greyscale print.
    QColor seriesColor(int index) const;
};

// What a builder needs to know about where its chart goes.
struct ChartOptions {
    ChartLook look = ChartLook::print();
    // The chart's size in device-independent pixels (scene units): long series are decimated
    // to about two points per pixel column of the width, and axis labels are laid out to fit.
    int widthPx = 800;
    int heightPx = 400;
};

// `font` set to draw without ligatures. Any letter spacing makes Qt shape without them (Qt 6.4
// has no QFont::setFeature), so "file_write" stays six letters in a PDF's text instead of
// "ﬁle_write": ids must be found by search and by pdftotext. 1/32 px of spacing changes
// nothing visible.
QFont withoutLigatures(QFont font);

// Applied by every builder: theme, fonts, margins; no animation (a chart drawn once into a
// PDF must be complete at once) and no drop shadow.
void applyLook(QChart& chart, const ChartLook& look);
void applyLook(QAbstractAxis& axis, const ChartLook& look);

} // namespace crucible::charts
