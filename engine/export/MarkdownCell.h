#pragma once

#include <QString>

namespace crucible {

// Text made safe for one cell of a Markdown table: a '|' would end the cell and a newline the
// row.
inline QString markdownCell(QString text)
{
    return text.replace(QLatin1Char('|'), QLatin1String("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

} // namespace crucible
