#include "Workload.h"

#include "Measurer.h"
#include "ProcessMemory.h"

#include <chrono>

namespace crucible {

std::optional<Sample> Workload::measureIteration(std::stop_token stop)
{
    using Clock = std::chrono::steady_clock;
    const double cpuStart = threadCpuNs();
    const auto start = Clock::now();
    run(1, stop);
    Sample sample;
    sample.elapsedNs = std::chrono::duration<double, std::nano>(Clock::now() - start).count();
    sample.cpuNs = threadCpuNs() - cpuStart;
    sample.iterations = 1;
    sample.rssBytes = currentRssBytes();
    if (stop.stop_requested())
        return std::nullopt;
    return sample;
}

std::optional<Samples> Workload::measureSamples(const MeasurementSettings& settings, std::stop_token stop)
{
    Samples samples;
    for (int i = 0; i < settings.sampleCount; ++i) {
        std::optional<Sample> sample = measureIteration(stop);
        if (!sample)
            return std::nullopt;
        samples.push_back(*sample);
    }
    return samples;
}

WorkloadInfo builtInInfo(Category category, const QString& name, const QString& operation, const QString& description)
{
    WorkloadInfo info;
    info.id = categoryName(category) + QLatin1Char('.') + name;
    info.category = category;
    info.description = description;
    info.unit = QStringLiteral("ns");
    info.operation = operation;
    return info;
}

} // namespace crucible
