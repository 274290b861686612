#include "WindowGeometry.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

#include <algorithm>

namespace crucible::gui {

QRect firstWindowGeometry(QSize preferred, const QRect& available)
{
    const QRect room = available.marginsRemoved(kFrameAllowance);
    const QSize size(std::min(preferred.width(), room.width()), std::min(preferred.height(), room.height()));
    QRect geometry(QPoint(0, 0), size);
    geometry.moveCenter(room.center());
    return geometry;
}

bool fitsOnScreen(const QRect& geometry, const QRect& available)
{
    return available.contains(geometry.marginsAdded(kFrameAllowance));
}

void placeWindow(QWidget& window, const QByteArray& saved, QSize preferred)
{
    const auto availableOn = [preferred](const QScreen* screen) {
        return screen ? screen->availableGeometry() : QRect(QPoint(0, 0), preferred);
    };
    const bool restored = window.restoreGeometry(saved);
    // Judged on the screen the saved window is on (a second monitor stays the window's place),
    // else on the window's own screen or the primary one.
    const QScreen* savedOn = restored ? QGuiApplication::screenAt(window.geometry().center()) : nullptr;
    if (!savedOn || !fitsOnScreen(window.geometry(), availableOn(savedOn))) {
        const QScreen* screen = window.screen() ? window.screen() : QGuiApplication::primaryScreen();
        window.setGeometry(firstWindowGeometry(preferred, availableOn(screen)));
    }
}

} // namespace crucible::gui
