#pragma once

#include "RunEnvironment.h"

#include <QJsonArray>
#include <QJsonObject>

// The run environment in results.json's run object (SPEC.md "environment"): facts as an object
// whose unknown values are null, warnings as an array of {key, message}.
namespace crucible {

QJsonObject environmentToJson(const RunEnvironment& env);
QJsonArray environmentWarningsToJson(const std::vector<EnvironmentWarning>& warnings);
// Runs written before the environment was recorded have neither: every fact is then unknown
// and there is no warning.
RunEnvironment environmentFromJson(const QJsonObject& environment, const QJsonArray& warnings);

} // namespace crucible
