#pragma once

#include <QString>

namespace crucible {

// The history's tag of where a run came from (the `runs.source` column). Runs measured by this
// program are tagged headless or window: the window's process also holds the GUI, so its memory
// readings do not compare with a headless run's. An imported file's run is tagged with its
// tool's name (interop/BenchmarkFile.h).
inline const QString kHeadlessRunSource = QStringLiteral("crucible-bench");
inline const QString kWindowRunSource = QStringLiteral("crucible-bench window");

inline bool isOwnRunSource(const QString& source)
{
    return source == kHeadlessRunSource || source == kWindowRunSource;
}

} // namespace crucible
