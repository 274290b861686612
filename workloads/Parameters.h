#pragma once

#include "Workload.h"

#include <QString>
#include <QVariant>

#include <cstdint>

// Reading the parameters of built-in workloads, one way for every category. Both places a bad value
// can be found are reported: thrown from a factory, the plan builder (makeSessionPlan) refuses
// the suite before anything runs, naming the file and the workload; thrown from setUp(), the
// engine records a failed workload naming the parameter.
namespace crucible::workloads {

// The registered defaults overridden by what a suite gives; the id stays as registered (a
// suite's parameter scan adds the /key=value suffix itself).
WorkloadInfo withParameters(WorkloadInfo defaults, const QVariantMap& given);

// "4KiB", "1MiB", "2GiB", "512B", "512" or a JSON number: a byte count (binary multiples;
// "KB"/"MB" are read as KiB/MiB, as users of dd and fio expect). Throws std::invalid_argument
// naming the workload and the key when the value is not a positive size.
std::int64_t byteSizeParameter(const WorkloadInfo& info, const QString& key);

// A whole number in [1, maximum]. Throws std::invalid_argument as above.
std::int64_t countParameter(const WorkloadInfo& info, const QString& key, std::int64_t maximum);

} // namespace crucible::workloads
