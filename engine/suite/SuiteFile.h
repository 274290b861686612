#pragma once

#include "Suite.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace crucible {

class WorkloadRegistry;

// A suite file read and validated, or why not. `error` names the file and the key path, and
// for JSON syntax the line and column, e.g.
//   suite.json: workloads[2].timeout_s: expected a number, got "ten"
//   suite.json: line 4, column 7: malformed JSON: missing value separator
struct SuiteParse {
    std::optional<Suite> suite;
    QString error;
};

// Parses and validates `json` (SPEC.md "Suite file"): unknown keys, wrong types, unknown
// built-in ids, duplicate ids, an empty suite, budgets and claims naming workloads that are not
// in the suite are all errors. `fileName` is only used in messages and for the default name.
SuiteParse parseSuite(const QByteArray& json, const QString& fileName, const WorkloadRegistry& registry);

// Reads the file (or a ":/" resource) and parses it.
SuiteParse readSuiteFile(const QString& path, const WorkloadRegistry& registry);

} // namespace crucible
