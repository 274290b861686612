#pragma once

#include "Sample.h"
#include "Statistics.h"
#include "Workload.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>
#include <vector>

namespace crucible {

enum class Status { Ok, Failed, Timeout, Crashed };
QString statusName(Status status);
std::optional<Status> statusFromName(const QString& name);

// This result against an earlier run of the same workload (filled by the history layer).
struct BaselineComparison {
    QString name;
    double median = 0;
    double changePct = 0;
    stats::Interval ci95Pct;
    double pValue = 1;
    QString verdict; // regressed | improved | unchanged | inconclusive
};

// Everything measured for one workload in one run. Plain data, passed by value.
struct Result {
    WorkloadInfo info;
    Status status = Status::Ok;
    QString error;
    Samples samples;
    stats::Summary summary;       // over per-iteration times in ns
    double throughputPerS = 0;    // operations per second at the median
    std::int64_t peakRssBytes = 0;
    double userNs = 0;            // CPU time spent in user and system mode while measuring
    double sysNs = 0;
    std::optional<BaselineComparison> baseline;

    std::uint64_t totalIterations() const;
};

// Fills summary, throughput and peak RSS from the samples.
void computeStatistics(Result& result);

// Where and how a run happened.
struct RunInfo {
    QString suiteName;
    QDateTime started;
    QDateTime finished;
    QString host;
    QString cpu;
    int cpuCount = 0;
    QString os;
    QString kernel;
    QString gitCommit;   // empty outside a git checkout
    QString toolVersion;
    double warmUpSeconds = 0;
    double measurementSeconds = 0;
    int sampleCount = 0;
    std::uint64_t fixedIterations = 0;
    bool quickCheck = false;
};

// Host, CPU, OS, git commit of the working directory, tool version; times are left empty.
RunInfo describeEnvironment();

struct RunResult {
    RunInfo info;
    std::vector<Result> results;
    bool cancelled = false;

    bool anyFailed() const;
};

} // namespace crucible

Q_DECLARE_METATYPE(crucible::Result)
Q_DECLARE_METATYPE(crucible::RunResult)
