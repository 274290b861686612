#include "WindowGeometry.h"

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

} // namespace crucible::gui
