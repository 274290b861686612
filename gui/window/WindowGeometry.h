#pragma once

#include <QMargins>
#include <QRect>

QT_BEGIN_NAMESPACE
class QByteArray;
class QWidget;
QT_END_NAMESPACE

namespace crucible::gui {

// The window's outer frame is not known before it is shown; this much is left for a common
// window manager's title bar and borders.
inline constexpr QMargins kFrameAllowance{8, 40, 8, 8};

// The window's first geometry (the client area, without the frame): `preferred`, shrunk to fit
// `available` (the screen less its panels, QScreen::availableGeometry) with the frame
// allowance, and centred on it. A fixed 1360×860 put the status bar and the results table's
// last columns off a 1280×720 screen.
QRect firstWindowGeometry(QSize preferred, const QRect& available);

// Whether a saved geometry (client area) still fits on `available` with its frame: a window
// saved on a larger monitor is placed afresh instead.
bool fitsOnScreen(const QRect& geometry, const QRect& available);

// Gives `window` its `saved` geometry (QWidget::saveGeometry) when that still fits the screen it
// was saved on, else (first start, or a smaller screen since) `preferred` fitted to its screen.
void placeWindow(QWidget& window, const QByteArray& saved, QSize preferred);

} // namespace crucible::gui
