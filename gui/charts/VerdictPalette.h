#pragma once

#include "Verdict.h"

#include <QColor>

namespace crucible::gui {

// The one set of verdict colours: the results table, the comparison view, the charts and the
// PDF all take theirs from here. Chosen to read on light and dark palettes alike. An invalid
// colour (unchanged) means "the text colour of the palette".
inline QColor verdictColor(ChangeVerdict verdict)
{
    switch (verdict) {
    case ChangeVerdict::Regressed:
        return QColor(0xd0, 0x30, 0x30);
    case ChangeVerdict::Improved:
        return QColor(0x20, 0xa0, 0x50);
    case ChangeVerdict::Inconclusive:
        return QColor(0xc0, 0x80, 0x10);
    case ChangeVerdict::Unstable:
        return QColor(0xa0, 0x50, 0xc0);
    case ChangeVerdict::NotComparable:
        return QColor(0x80, 0x80, 0x80);
    case ChangeVerdict::Unchanged:
        break;
    }
    return {};
}

// A failed workload's status, and a budget or claim that failed.
inline QColor failureColor()
{
    return verdictColor(ChangeVerdict::Regressed);
}

} // namespace crucible::gui
