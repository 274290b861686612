#pragma once

#include "CommandLine.h"
#include "Expected.h"
#include "SuiteRunner.h"
#include "WorkloadRegistry.h"
#include "suite/Suite.h"

#include <memory>
#include <optional>
#include <vector>

namespace crucible {

// The resource path of the default suite, resources/default-suite.json built into the engine.
QString defaultSuitePath();

// The suite a run or a listing uses: --suite FILE, else the built-in default suite, else (a
// build without the resource) every registered workload, with a notice saying so.
struct LoadedSuite {
    std::optional<Suite> suite;
    QString error;          // names the file, the key and for JSON the line and column
    bool inputError = true; // false: the built-in suite itself is broken (an internal error)
    QString notice;         // something to tell the user, run still possible
};
LoadedSuite loadSuite(const QString& suiteFile, const WorkloadRegistry& registry);

// A suite of every registered workload in registration order, named "default".
Suite allRegisteredWorkloads(const WorkloadRegistry& registry);

// The settings a run uses (SPEC.md: a flag beats the suite's defaults). From the command line
// (or its environment variable) where the user gave them; else --quick-check's; else the
// suite's defaults; else the built-in defaults.
MeasurementSettings effectiveSettings(const CommandLineOptions& options, const SuiteDefaults& defaults);

// The suite's workloads that the FILTER words select, in suite order.
std::vector<const SuiteWorkload*> selectSuiteWorkloads(const Suite& suite, const QStringList& filters);

// One runnable workload: a built-in from its factory with the suite's parameters (and the
// suite's id, "/key=value" included), or an external command.
std::unique_ptr<Workload> instantiate(const SuiteWorkload& workload, const WorkloadRegistry& registry);

// The session plan for the selected workloads of `suite`. A built-in that refuses its
// parameters (its factory throws: "size=huge") is an input error naming the file and the
// workload.
Expected<SessionPlan> makeSessionPlan(const Suite& suite, const std::vector<const SuiteWorkload*>& selected,
                                      const WorkloadRegistry& registry, const CommandLineOptions& options);
// The same with the settings already decided (the window's run dialog decides them).
Expected<SessionPlan> makeSessionPlan(const Suite& suite, const std::vector<const SuiteWorkload*>& selected,
                                      const WorkloadRegistry& registry, const MeasurementSettings& settings,
                                      bool quickCheck);

} // namespace crucible
