#pragma once

#include "ToolScripts.h"

#include <QVariantMap>

#include <vector>

namespace crucible::workloads::script_engine {

// Arguments for each tool script, several different sets per tool, taken in turn by the
// workloads so that no call can reuse an earlier call's result. They arrive as a QVariantMap,
// as a host would receive them decoded from a request, and are marshalled into the VM per call.
// For ToolScript::Failing every set makes the tool throw; for the others every set succeeds.
std::vector<QVariantMap> toolArguments(ToolScript script);

} // namespace crucible::workloads::script_engine
