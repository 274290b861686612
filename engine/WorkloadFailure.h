#pragma once

#include "Result.h"

#include <stdexcept>

namespace crucible {

// Thrown by a workload to end itself with a given status and error: an external command that
// timed out or crashed ends its workload `timeout` or `crashed`, not just `failed`. Any other
// std::exception marks the workload failed with the exception's message. The run goes on with
// the next workload either way.
class WorkloadFailure : public std::runtime_error {
public:
    WorkloadFailure(Status status, const QString& error)
        : std::runtime_error(error.toStdString()), m_status(status), m_error(error)
    { }

    Status status() const { return m_status; }
    const QString& error() const { return m_error; }

private:
    Status m_status;
    QString m_error;
};

} // namespace crucible
