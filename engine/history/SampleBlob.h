#pragma once

#include "Sample.h"

#include <QByteArray>

#include <optional>

namespace crucible::history {

// The raw samples of one result as one compact blob, so that a run is one row per workload
// rather than one per sample and thousands of runs stay quick to load for overlays.
//
// Layout: a format byte, the sample count (varint), then each Sample field as a column. A column
// is stored as "all zero" (nothing more), as zigzag varints of the differences between
// consecutive values when every value is a whole number (wall and CPU nanoseconds, iterations and
// RSS usually are, and neighbours are close), or else as little-endian doubles. Decoding is exact:
// what was recorded is what comes back.
QByteArray encodeSamples(const Samples& samples);

// nullopt for a blob that is truncated, has trailing bytes or an unknown format.
std::optional<Samples> decodeSamples(const QByteArray& blob);

} // namespace crucible::history
