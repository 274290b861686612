#pragma once

#include "ChartLook.h"

#include <QPalette>

namespace crucible::charts {

// Chart colours taken from a widget palette, so the window's charts follow the system theme,
// dark included. Paper uses ChartLook::print().
ChartLook screenLook(const QPalette& palette);

} // namespace crucible::charts
