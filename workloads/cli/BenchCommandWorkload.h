#pragma once

#include "system/ChildProcessWorkload.h"

#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace crucible::workloads::cli {

// A cli workload: each iteration runs crucible-bench as a child process (see
// ChildProcessWorkload: the sample is the child's own wall time, CPU time and peak memory) in
// a private temporary working directory, so that nothing it writes lands in the user's.
class BenchCommandWorkload : public sys::ChildProcessWorkload {
public:
    BenchCommandWorkload(WorkloadInfo info, QStringList arguments = {});

    // Finds the crucible-bench executable (throws std::runtime_error when there is none, which
    // marks the workload failed), makes the directory, then calls prepare().
    void setUp(std::stop_token) override;
    // Removes the directory and everything prepare() or the commands put in it.
    void tearDown() override;

protected:
    // Writes what the commands need into the directory and returns the commands of one
    // iteration. The default: one command with the arguments given at construction.
    virtual std::vector<CommandSpec> prepare();

    const QString& executable() const { return m_executable; }
    QString directory() const { return m_dir->path(); }
    QString pathOf(const QString& name) const { return m_dir->filePath(name); }
    CommandSpec command(const QStringList& arguments) const;

private:
    QStringList m_arguments;
    QString m_executable;
    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace crucible::workloads::cli
