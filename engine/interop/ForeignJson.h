#pragma once

#include "Expected.h"
#include "JsonNode.h"
#include "Result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>

// What the Google Benchmark and hyperfine readers share; internal to engine/interop.
namespace crucible::interop {

// A number that must be finite and >= 0 (a time, a byte count).
double nonNegative(const suite::Node& node);
// `nanoseconds`, computed from `node`'s value (a time times its unit and iterations), when it is
// finite; else fails naming the node: "0.0005859691e308" s is no time a run can have.
double finiteNanoseconds(const suite::Node& node, double nanoseconds);
// A whole number in [min, 2^53] (beyond that a double no longer holds every integer).
std::uint64_t wholeNumber(const suite::Node& node, std::uint64_t min);
// A string, empty allowed (Node::string() refuses empty ones).
QString text(const suite::Node& node);

// Parses `bytes` as JSON and hands the top-level node (checked to be an object) to `read`,
// turning a syntax error or a suite::Invalid thrown by `read` into an input error:
//   "<file>: line L, column C: malformed JSON: <reason>"  or  "<file>: <key path>: <problem>".
Expected<RunResult> readForeignJson(const QByteArray& bytes, const QString& fileName,
                                    const std::function<RunResult(const suite::Node& root)>& read);

} // namespace crucible::interop
