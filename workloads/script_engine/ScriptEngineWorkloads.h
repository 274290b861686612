#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads {

// The `script_engine` category: a real embedded script VM (QJSEngine from Qt Qml) running
// tool scripts kept as .js files under script_engine/scripts/ and embedded as resources.
void registerScriptEngineWorkloads(WorkloadRegistry& registry);

} // namespace crucible::workloads
