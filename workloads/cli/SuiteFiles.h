#pragma once

#include <QByteArray>
#include <QString>

// Suite files (SPEC.md "Suite file") that the cli workloads generate for the commands they run.
namespace crucible::workloads::cli {

// A suite of exactly the one built-in workload `id`.
QByteArray singleWorkloadSuite(const QString& id);

// A large, realistic configuration: `entries` command entries, each with a three-value
// parameter scan, environment, working directory, timeout, expected exit, prepare and cleanup;
// scans over built-in system workloads; a budget per entry and claims. Loading it means
// parsing, validating every key and expanding 3 × entries command workloads.
QByteArray largeConfigurationSuite(int entries);

// One command entry scanned over `workloads` values of a parameter: --list prints one line
// per workload, so listing it streams `workloads` lines.
QByteArray longListingSuite(int workloads);

// Writes `bytes` to `path`; throws std::runtime_error naming the file when it cannot.
void writeFile(const QString& path, const QByteArray& bytes);

} // namespace crucible::workloads::cli
