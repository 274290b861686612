#include "BinarySizeWorkload.h"

#include "ProcessMemory.h"
#include "QuantityWorkload.h"
#include "ThisProgram.h"

#include <QFileInfo>

#include <stdexcept>

namespace crucible::workloads::sys {

namespace {

// A size, not a time: each sample is one reading of the executable's size (unit "bytes",
// iterations 1, the value in the sample's elapsedNs field; see QuantityWorkload.h). Every
// reading gives the same number, so the statistics collapse to it, and a budget such as
// "binary ≤ 60 MB" reads its median, in bytes. The file is the running program — crucible-bench
// in a real run, the test executable under tst_workloads — as it is on disk, debug information
// included when the build keeps it (RelWithDebInfo does; an installed, stripped one is smaller).
class BinarySizeWorkload final : public QuantityWorkload {
public:
    using QuantityWorkload::QuantityWorkload;

    void setUp(std::stop_token) override { m_path = runningExecutable(); }

    Quantity measure(std::stop_token) override
    {
        const QFileInfo file(m_path); // a new QFileInfo: a fresh stat, no cached size
        if (!file.isFile())
            throw std::runtime_error(QStringLiteral("system.binary_size: cannot stat '%1'").arg(m_path).toStdString());
        return {double(file.size()), currentRssBytes()};
    }

private:
    QString m_path;
};

} // namespace

void registerBinarySizeWorkload(WorkloadRegistry& registry)
{
    WorkloadInfo info;
    info.id = QStringLiteral("system.binary_size");
    info.category = Category::System;
    info.description =
        QStringLiteral("Size on disk of this program's executable (crucible-bench itself in a real run), in "
                       "bytes, debug information included when the build keeps it");
    info.unit = QStringLiteral("bytes");
    info.operation = QStringLiteral("reading");
    registry.add<BinarySizeWorkload>(info);
}

} // namespace crucible::workloads::sys
