#pragma once

#include "JsonNode.h"
#include "Suite.h"

#include <vector>

namespace crucible {
class WorkloadRegistry;
}

// The "workloads" array of a suite file; internal to engine/suite.
namespace crucible::suite {

// Validates the entries and expands each one's `params` into one workload per combination.
// Built-in ids are looked up in `registry`; commands get their timeout from the entry, else
// `defaultTimeoutSeconds`. Throws Invalid at the first problem, duplicate ids included.
std::vector<SuiteWorkload> readWorkloads(const Node& workloads, const WorkloadRegistry& registry,
                                         double defaultTimeoutSeconds);

} // namespace crucible::suite
