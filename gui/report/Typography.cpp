#include "Typography.h"

#include "ChartLook.h"

#include <QPaintDevice>

namespace crucible::report {

Typography::Typography(const QPaintDevice& device) : m_device(&device), m_dotsPerPoint(device.logicalDpiY() / 72.0)
{ }

QFont Typography::make(double points, bool bold) const
{
    // DejaVu ships with every Debian desktop and server image that has fontconfig, and covers
    // the µ, ± and – the report prints; the PDF embeds the subset it uses.
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    return charts::withoutLigatures(f);
}

QFont Typography::font(TextRole role) const
{
    switch (role) {
    case TextRole::Title:
        return make(20, true);
    case TextRole::Subtitle:
        return make(12, false);
    case TextRole::Heading:
        return make(14, true);
    case TextRole::Subheading:
        return make(10.5, true);
    case TextRole::Body:
        return make(9, false);
    case TextRole::Caption:
        return make(7.5, false);
    case TextRole::Warning:
        return make(9, true);
    }
    return make(9, false);
}

QColor Typography::color(TextRole role) const
{
    switch (role) {
    case TextRole::Subtitle:
    case TextRole::Caption:
        return muted();
    case TextRole::Warning:
        return bad();
    default:
        return ink();
    }
}

double Typography::spaceBefore(TextRole role) const
{
    switch (role) {
    case TextRole::Heading:
        return pt(10);
    case TextRole::Subheading:
        return pt(8);
    default:
        return 0;
    }
}

double Typography::spaceAfter(TextRole role) const
{
    switch (role) {
    case TextRole::Title:
        return pt(2);
    case TextRole::Subtitle:
        return pt(10);
    case TextRole::Heading:
        return pt(6);
    case TextRole::Subheading:
        return pt(4);
    default:
        return pt(5);
    }
}

QFont Typography::tableFont(bool bold) const
{
    return make(7.5, bold);
}

QFont Typography::pageBandFont() const
{
    return make(7, false);
}

} // namespace crucible::report
