#pragma once

#include <QColor>
#include <QFont>

QT_BEGIN_NAMESPACE
class QPaintDevice;
QT_END_NAMESPACE

namespace crucible::report {

enum class TextRole { Title, Subtitle, Heading, Subheading, Body, Caption, Warning };

// Fonts, colours and spacing of the report, in points, resolved for one paint device so that
// layout (which measures) and painting (which draws) agree to the unit.
class Typography {
public:
    explicit Typography(const QPaintDevice& device);

    const QPaintDevice& device() const { return *m_device; }
    // Points (1/72 inch) to device units.
    double pt(double points) const { return points * m_dotsPerPoint; }

    QFont font(TextRole role) const;
    QColor color(TextRole role) const;
    // Space above a block of this role (headings push away from what precedes them).
    double spaceBefore(TextRole role) const;
    double spaceAfter(TextRole role) const;
    static bool isHeading(TextRole role) { return role <= TextRole::Subheading; }

    QFont tableFont(bool bold = false) const;
    QFont pageBandFont() const; // running header and footer
    double cellPadding() const { return pt(3.2); }
    double blockGap() const { return pt(6); }

    static QColor ink() { return {0x1a, 0x1a, 0x1a}; }
    static QColor muted() { return {0x66, 0x66, 0x66}; }
    static QColor rule() { return {0xbb, 0xbb, 0xbb}; }
    static QColor stripe() { return {0xf3, 0xf5, 0xf7}; }
    static QColor headerFill() { return {0xe4, 0xe8, 0xee}; }
    static QColor bad() { return {0xb0, 0x00, 0x20}; }
    static QColor good() { return {0x1b, 0x7f, 0x3b}; }

private:
    QFont make(double points, bool bold) const;

    const QPaintDevice* m_device;
    double m_dotsPerPoint;
};

} // namespace crucible::report
