#pragma once

#include <QFontMetricsF>
#include <QStringList>

namespace crucible::report {

// Splits `text` into lines no wider than `width`: at spaces first, then inside a long word
// after the separators of ids and paths (. / _ = , -), and anywhere only as a last resort.
// Layout and painting both call this, so what was measured is exactly what is drawn. Explicit
// newlines are kept.
QStringList wrapText(const QString& text, const QFontMetricsF& metrics, double width);

// Height of `lines` lines in this font.
inline double linesHeight(qsizetype lines, const QFontMetricsF& metrics)
{
    return lines <= 0 ? 0 : metrics.height() + double(lines - 1) * metrics.lineSpacing();
}

} // namespace crucible::report
