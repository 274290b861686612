#include "ChartLook.h"

#include <QAbstractAxis>
#include <QChart>
#include <QGraphicsLayout>
#include <QLegend>

#include <array>

namespace crucible::charts {

ChartLook ChartLook::print()
{
    return ChartLook{};
}

QFont ChartLook::titleFont() const
{
    QFont f(fontFamily);
    f.setPointSizeF(titlePointSize);
    f.setBold(true);
    return withoutLigatures(f);
}

QFont ChartLook::labelFont() const
{
    QFont f(fontFamily);
    f.setPointSizeF(labelPointSize);
    return withoutLigatures(f);
}

QFont withoutLigatures(QFont font)
{
    // 1/32 px: QFixed keeps 1/64 px steps, and a smaller value would round to no spacing at all.
    font.setLetterSpacing(QFont::AbsoluteSpacing, 1.0 / 32);
    return font;
}

QColor ChartLook::seriesColor(int index) const
{
    // Okabe–Ito: distinguishable with the common colour-vision deficiencies, and of varied
    // lightness so that neighbours still differ on a greyscale printout.
    // (Okabe–Ito's yellow is left out: it vanishes on white paper; wine takes its place.)
    static constexpr std::array<QRgb, 8> kPalette{0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7,
                                                  0xE69F00, 0x56B4E9, 0x000000, 0x882255};
    return QColor::fromRgb(kPalette[std::size_t(index) % kPalette.size()]);
}

void applyLook(QChart& chart, const ChartLook& look)
{
    chart.setTheme(QChart::ChartThemeLight);
    chart.setAnimationOptions(QChart::NoAnimation);
    chart.setDropShadowEnabled(false);
    chart.setBackgroundRoundness(0);
    chart.setBackgroundBrush(look.background);
    chart.setBackgroundPen(Qt::NoPen);
    chart.setTitleFont(look.titleFont());
    chart.setTitleBrush(look.text);
    chart.setMargins(QMargins(4, 4, 4, 4));
    chart.layout()->setContentsMargins(0, 0, 0, 0);
    chart.legend()->setFont(look.labelFont());
    chart.legend()->setLabelColor(look.text);
    chart.legend()->setBackgroundVisible(false);
}

void applyLook(QAbstractAxis& axis, const ChartLook& look)
{
    axis.setLabelsFont(look.labelFont());
    axis.setLabelsColor(look.text);
    QFont title = look.labelFont();
    title.setBold(true);
    axis.setTitleFont(title);
    axis.setTitleBrush(look.text);
    axis.setGridLineColor(look.grid);
    axis.setMinorGridLineColor(look.grid.lighter(108));
    axis.setLinePenColor(look.axisLine);
}

} // namespace crucible::charts
