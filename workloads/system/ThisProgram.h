#pragma once

#include <QString>

// Where the running program and the crucible-bench executable are, for the workloads that
// measure this program itself (its binary size, its start-up, its headless commands).
namespace crucible::workloads::sys {

// The running executable: applicationFilePath() when there is an application object, otherwise
// the target of /proc/self/exe.
QString runningExecutable();

// The crucible-bench executable whose commands are run as child processes:
//  1. $CRUCIBLE_BENCH_BINARY when set (it must name an executable file);
//  2. the running executable when it is crucible-bench;
//  3. otherwise (a test binary in build/tests/) crucible-bench next to it or in ../gui/.
// Throws std::runtime_error saying where it looked when none of these is an executable file,
// so that the engine marks the workload failed with that message.
QString crucibleBenchExecutable();

} // namespace crucible::workloads::sys
