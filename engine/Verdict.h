#pragma once

#include <QString>

#include <optional>

namespace crucible {

// What a comparison with a baseline concluded. Only Regressed and Improved claim a change; a
// gate fires on Regressed alone.
//   Unchanged      the change is within the noise threshold
//   Inconclusive   neither a change nor its absence is shown
//   Unstable       a level shift inside either side's samples: the change may be a phase of the
//                  machine or of the workload, so it is never called a change by itself
//   NotComparable  the two runs are from different hosts or CPU models
enum class ChangeVerdict { Regressed, Improved, Unchanged, Inconclusive, Unstable, NotComparable };
QString verdictName(ChangeVerdict verdict);
std::optional<ChangeVerdict> verdictFromName(const QString& name);

// What a change was judged on: the raw time, or the time relative to the machine-speed
// reference measured beside it (engine/ReferenceKernel.h).
enum class ChangeBasis { Time, RelativeTime };
QString basisName(ChangeBasis basis);
std::optional<ChangeBasis> basisFromName(const QString& name);

} // namespace crucible
