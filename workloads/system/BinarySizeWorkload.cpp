#include "BinarySizeWorkload.h"

#include "CheckedCommand.h"
#include "ProcessMemory.h"
#include "QuantityWorkload.h"
#include "ThisProgram.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>
#include <stdexcept>

namespace crucible::workloads::sys {

namespace {

// A size, not a time: each sample is one reading of the executable's size (unit "bytes",
// iterations 1, the value in the sample's elapsedNs field; see QuantityWorkload.h). Every
// reading gives the same number, so the statistics collapse to it, and a budget such as
// "binary ≤ 60 MB" reads its median, in bytes.
//
// What is measured is what ships: the .deb's binary is stripped (CPACK_STRIP_FILES runs
// `strip` on it), while a RelWithDebInfo build keeps some 74 MB of debug information beside a
// program of a few MB. Reading the unstripped file made a fresh checkout fail its own budget
// on a size no user ever installs. So set-up strips a copy of the running program with the
// same tool (`strip -o COPY PROGRAM`, the running program left as it is), and each reading is
// a fresh stat of that copy. An installed, already stripped program gives its own size.
class BinarySizeWorkload final : public QuantityWorkload {
public:
    using QuantityWorkload::QuantityWorkload;

    void setUp(std::stop_token stop) override
    {
        const QString strip = QStandardPaths::findExecutable(QStringLiteral("strip"));
        if (strip.isEmpty())
            throw std::runtime_error("system.binary_size: no 'strip' in PATH (Debian: apt install binutils); it makes "
                                     "the stripped copy whose size is measured, as the .deb ships it");
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            throw std::runtime_error("system.binary_size: cannot create a temporary directory for the stripped copy");
        const QString program = runningExecutable();
        m_stripped = m_dir->filePath(QFileInfo(program).fileName());
        CommandSpec spec;
        spec.argv = {strip, QStringLiteral("-o"), m_stripped, program};
        spec.timeoutSeconds = 60;
        runChecked(spec, stop); // a stop leaves no copy: the run is cancelled before a reading
    }

    Quantity measure(std::stop_token) override
    {
        const QFileInfo file(m_stripped); // a new QFileInfo: a fresh stat, no cached size
        if (!file.isFile())
            throw std::runtime_error(
                QStringLiteral("system.binary_size: cannot stat the stripped copy '%1'").arg(m_stripped).toStdString());
        return {double(file.size()), currentRssBytes()};
    }

    void tearDown() override { m_dir.reset(); }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_stripped;
};

} // namespace

void registerBinarySizeWorkload(WorkloadRegistry& registry)
{
    WorkloadInfo info;
    info.id = QStringLiteral("system.binary_size");
    info.category = Category::System;
    info.description = QStringLiteral(
        "Size of this program's executable (crucible-bench itself in a real run) as the .deb ships it: stripped of "
        "debug information and symbols, measured on a copy made with strip; in bytes");
    info.unit = QStringLiteral("bytes");
    info.operation = QStringLiteral("reading");
    registry.add<BinarySizeWorkload>(info);
}

} // namespace crucible::workloads::sys
