#pragma once

#include "Expected.h"
#include "Result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace crucible {

inline constexpr char kResultsSchema[] = "crucible-bench/1";

// results.json (SPEC.md "Files a headless run writes"). Budgets and claims are written as
// RunResult holds them (evaluateGates, engine/gates/Gates.h, fills them).
QJsonObject resultToJson(const Result& result);
// The "run" object: where and how a run happened (the history store keeps it too).
QJsonObject runInfoToJson(const RunInfo& info);
RunInfo runInfoFromJson(const QJsonObject& object);
// The pieces of rounds (engine/SuiteRunner.h) as results.json writes them; the history keeps
// them in the same form.
QJsonObject referenceToJson(const std::vector<ReferencePoint>& points);
std::vector<ReferencePoint> referenceFromJson(const QJsonValue& value);
QJsonArray roundsToJson(const std::vector<RoundSlice>& rounds);
std::vector<RoundSlice> roundsFromJson(const QJsonValue& value);
// Whether every round lies within `sampleCount` samples (non-negative, no overflow): what the
// code that indexes samples by round relies on, to check in anything read from outside.
bool roundsFit(const std::vector<RoundSlice>& rounds, std::size_t sampleCount);
QJsonObject stabilityToJson(const Stability& stability);
// {"budgets": [...], "claims": [...]} of a run, and back into `run` (an input error names the
// entry); results.json holds the same two arrays at its top level.
QJsonObject gatesToJson(const RunResult& run);
Expected<void> gatesFromJson(const QJsonObject& object, RunResult& run);
QJsonObject runToJson(const RunResult& run);
QByteArray runToJsonBytes(const RunResult& run);

// Reads a results.json back (for --compare and for tests). An input error names what is wrong.
Expected<RunResult> runFromJson(const QByteArray& bytes);

} // namespace crucible
