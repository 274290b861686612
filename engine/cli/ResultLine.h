#pragma once

#include "Result.h"

#include <QString>

namespace crucible {

// The line a headless run prints as a workload finishes: its id, median, 95% CI, CV and sample
// count (or its failure). `width` is the terminal's (0: not a terminal, one line whatever its
// length). A line wider than the terminal is laid out as the id, cut in the middle to the width,
// over the figures indented below it, the least needed figures (sample count, CV, CI) left out
// until they fit; a terminal never wraps it mid-word. Ends with a newline.
QString resultLine(const Result& r, int width);

} // namespace crucible
