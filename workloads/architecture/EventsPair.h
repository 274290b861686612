#pragma once

#include "WorkloadRegistry.h"

namespace crucible::workloads::architecture {

// architecture.events.string_keyed / .typed: one event published to the same eight subscribers
// through a string-keyed bus with QVariantMap payloads vs a typed bus with struct payloads.
void registerEventsPair(WorkloadRegistry& registry);

} // namespace crucible::workloads::architecture
