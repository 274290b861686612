#pragma once

#include "RunEnvironment.h"

#include <QString>

#include <utility>
#include <vector>

// The run environment for readers: the same labelled facts in summary.md, the PDF, the
// terminal and the window's tooltip, with "unknown" where a fact could not be read.
namespace crucible {

struct EnvironmentFact {
    QString label;
    QString value;
};

std::vector<EnvironmentFact> environmentFacts(const RunEnvironment& env);
// The same facts in five lines (machine, frequency, scheduling, load, build), for the PDF's
// first page: "Governor powersave · Frequency min 800 MHz, max 4.20 GHz · Turbo on".
std::vector<EnvironmentFact> environmentFactsCompact(const RunEnvironment& env);

// summary.md's "Environment" section: the warnings, then the facts in a table. Empty for a run
// recorded before the environment was (nothing known, nothing to say).
QString environmentMarkdown(const RunEnvironment& env);

// "3 environment warnings", "1 environment warning"; empty when there is none.
QString environmentWarningCount(const RunEnvironment& env);

} // namespace crucible
