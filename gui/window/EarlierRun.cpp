#include "EarlierRun.h"

#include <QLocale>

namespace crucible::gui {

QString EarlierRun::legendName() const
{
    if (!started.isValid())
        return label;
    return QStringLiteral("%1, %2").arg(label,
                                        QLocale().toString(started.toLocalTime(), QStringLiteral("MMM d HH:mm")));
}

} // namespace crucible::gui
