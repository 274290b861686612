#pragma once

#include <QLatin1StringView>

// Every key the window keeps in QSettings, in one place: a key written in one file and read in
// another must not drift apart, and a renamed key would silently drop the user's setting.
namespace crucible::gui::settings {

inline constexpr QLatin1StringView kWindowGeometry("window/geometry");
inline constexpr QLatin1StringView kWindowState("window/state");
inline constexpr QLatin1StringView kSampleCount("run/samples");
inline constexpr QLatin1StringView kWarmUpSeconds("run/warmUpSeconds");
inline constexpr QLatin1StringView kMeasurementSeconds("run/measurementSeconds");
inline constexpr QLatin1StringView kCheckedWorkloads("run/checked");
inline constexpr QLatin1StringView kHistoryLocation("history/location"); // File ▸ History store…
inline constexpr QLatin1StringView kLastSuite("suite/last");             // "" for the built-in default suite
inline constexpr QLatin1StringView kRecentSuites("suite/recent");        // absolute paths, newest first
inline constexpr QLatin1StringView kExportDir("exportDir");              // the folder of the last export

} // namespace crucible::gui::settings
