#pragma once

#include <QString>

#include <cstdio>

namespace crucible {

// The width in columns of the terminal `stream` writes to; 0 when it is not a terminal (a CI
// log, a pipe, a file), where lines are never cut. Asked each time, so a resized window is
// followed.
int terminalColumns(std::FILE* stream);

// `text` cut to at most `width` characters by taking out its middle, where the parts of an id
// that tell workloads apart rarely are ("architecture.e…string_keyed"); unchanged when it fits.
QString elideMiddle(const QString& text, int width);

} // namespace crucible
