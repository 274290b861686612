#pragma once

#include "CommandRunner.h"
#include "Workload.h"

namespace crucible {

// One benchmark of a Google Benchmark executable as a workload. It measures in bulk
// (Workload::measuresInBulk()): one process runs the benchmark alone with one repetition per
// sample (gbench::runFlags), and each repetition of its JSON output becomes a sample with
// Google Benchmark's own iteration count, real time and CPU time. The process's peak RSS goes
// into every sample (as for commands), and its user and system time are spread over the
// samples in proportion to their CPU time. An execution that fails, times out or crashes, or
// whose JSON has no repetition of this benchmark, ends the workload with that status.
class GbenchWorkload final : public Workload {
public:
    // `executable`: argv = the program and the entry's extra arguments; cwd, env and timeout
    // as the suite gave them. The timeout is the allowance beyond the expected warm-up and
    // measurement time of a run.
    GbenchWorkload(WorkloadInfo info, CommandSpec executable, QString benchmarkName);

    // "Google Benchmark BM_Sort/4096 of ./build/mylib_bench".
    static QString describe(const QString& benchmarkName, const QString& program);

    const WorkloadInfo& info() const override { return m_info; }
    // The engine never times batches of a workload that measures in bulk; calling this throws.
    void run(std::uint64_t iterations, std::stop_token stop) override;
    bool measuresItself() const override { return true; }
    bool measuresInBulk() const override { return true; }
    std::optional<Samples> measureSamples(const MeasurementSettings& settings, std::stop_token stop) override;

    QString program() const { return m_executable.argv.value(0); }
    // The context's library_build_type of the last JSON output read ("release", "debug"); empty
    // until the benchmark has run, or when the context lacks it.
    const QString& libraryBuildType() const { return m_libraryBuildType; }

private:
    WorkloadInfo m_info;
    CommandSpec m_executable;
    QString m_benchmarkName;
    QString m_libraryBuildType;
};

} // namespace crucible
