#include "BenchCommandWorkload.h"

#include "BenchCommand.h"
#include "system/ThisProgram.h"

#include <stdexcept>

namespace crucible::workloads::cli {

BenchCommandWorkload::BenchCommandWorkload(WorkloadInfo info, QStringList arguments)
    : ChildProcessWorkload(std::move(info)), m_arguments(std::move(arguments))
{ }

void BenchCommandWorkload::setUp(std::stop_token)
{
    m_executable = sys::crucibleBenchExecutable();
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid())
        throw std::runtime_error(QStringLiteral("%1: cannot create a temporary directory: %2")
                                     .arg(info().id, m_dir->errorString())
                                     .toStdString());
    setCommands(prepare());
}

void BenchCommandWorkload::tearDown()
{
    setCommands({});
    m_dir.reset();
}

std::vector<CommandSpec> BenchCommandWorkload::prepare()
{
    return {command(m_arguments)};
}

CommandSpec BenchCommandWorkload::command(const QStringList& arguments) const
{
    return benchCommand(m_executable, arguments, m_dir->path());
}

} // namespace crucible::workloads::cli
