#include "HashWorkload.h"

#include "DoNotOptimize.h"
#include "Parameters.h"

#include <QtGlobal>

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace crucible::workloads::sys {

namespace {

class HashWorkload final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    void setUp(std::stop_token) override
    {
        // A code change keeps a workload's id and changes its cost; a parameter would change
        // the id. CRUCIBLE_HASH_SCALE_PCT does what a code change does, for testing verdicts.
        bool scaled = false;
        const double pct = qEnvironmentVariable("CRUCIBLE_HASH_SCALE_PCT").toDouble(&scaled);
        if (scaled && !(pct > 0 && pct <= 1000))
            throw std::invalid_argument("system.hash: CRUCIBLE_HASH_SCALE_PCT must be a percentage in (0, 1000]");
        const double size = double(byteSizeParameter(info(), QStringLiteral("size"))) * (scaled ? pct / 100 : 1.0);
        m_data.resize(std::max<std::size_t>(1, std::size_t(size)));
        for (std::size_t i = 0; i < m_data.size(); ++i)
            m_data[i] = static_cast<unsigned char>(i * 131 + (i >> 7));
    }

    void tearDown() override { m_data = {}; }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if (stopRequestedAt(i, stop))
                return;
            std::uint64_t hash = 14695981039346656037ull;
            for (const unsigned char byte : m_data)
                hash = (hash ^ byte) * 1099511628211ull;
            doNotOptimize(hash);
        }
    }

private:
    std::vector<unsigned char> m_data;
};

} // namespace

void registerHashWorkload(WorkloadRegistry& registry)
{
    WorkloadInfo info;
    info.id = QStringLiteral("system.hash");
    info.category = Category::System;
    info.description =
        QStringLiteral("FNV-1a over 'size' bytes in memory: CPU work of a known, adjustable cost, to see how much the "
                       "machine itself moves and to test that a change of known size is found");
    info.operation = QStringLiteral("hash");
    info.parameters = {{QStringLiteral("size"), QStringLiteral("64KiB")}};
    registry.add(WorkloadFactory{info, [info](const QVariantMap& parameters) {
                                     return std::make_unique<HashWorkload>(withParameters(info, parameters));
                                 }});
}

} // namespace crucible::workloads::sys
