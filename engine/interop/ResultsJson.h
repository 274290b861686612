#pragma once

#include "Result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

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
// {"budgets": [...], "claims": [...]} of a run, and back into `run` (false with `error` naming
// the entry); results.json holds the same two arrays at its top level.
QJsonObject gatesToJson(const RunResult& run);
bool gatesFromJson(const QJsonObject& object, RunResult& run, QString* error);
QJsonObject runToJson(const RunResult& run);
QByteArray runToJsonBytes(const RunResult& run);

// Reads a results.json back (for --compare and for tests). On failure returns nullopt and
// sets `error` to a message naming what is wrong.
std::optional<RunResult> runFromJson(const QByteArray& bytes, QString* error);

} // namespace crucible
