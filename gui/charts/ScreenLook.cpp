#include "ScreenLook.h"

#include <QApplication>

namespace crucible::charts {

ChartLook screenLook(const QPalette& palette)
{
    ChartLook look;
    look.background = palette.color(QPalette::Base);
    look.text = palette.color(QPalette::Text);
    const bool dark = look.background.lightness() < 128;
    look.grid = dark ? look.background.lighter(170) : look.background.darker(115);
    look.axisLine = palette.color(QPalette::Mid);
    look.reference = palette.color(QPalette::PlaceholderText);
    look.fontFamily = QApplication::font().family(); // the desktop's font
    look.titlePointSize = 10;
    look.labelPointSize = 8.5;
    return look;
}

} // namespace crucible::charts
