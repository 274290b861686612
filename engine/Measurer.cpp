#include "Measurer.h"

#include "ProcessMemory.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>

namespace crucible {

namespace {
using Clock = std::chrono::steady_clock;

// A chunk of a sample lasts at most this long, so a stop request waits no longer.
constexpr double kChunkNs = 20e6;

double nsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::nano>(Clock::now() - start).count();
}

double measureClockResolutionNs()
{
    double best = 1e9;
    for (int i = 0; i < 200; ++i) {
        const auto a = Clock::now();
        auto b = Clock::now();
        while (b == a)
            b = Clock::now();
        best = std::min(best, std::chrono::duration<double, std::nano>(b - a).count());
    }
    return best;
}
} // namespace

double threadCpuNs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e9 + double(ts.tv_nsec);
}

double Measurer::clockResolutionNs()
{
    static const double resolution = measureClockResolutionNs();
    return resolution;
}

double Measurer::minimumSampleNs()
{
    return std::max(1000.0 * clockResolutionNs(), 10'000.0);
}

Measurer::Measurer(Workload& workload, const MeasurementSettings& settings, std::stop_token stop)
    : m_workload(workload), m_settings(settings), m_stop(std::move(stop))
{ }

void Measurer::warmUp()
{
    if (m_workload.measuresInBulk())
        return; // it warms itself up inside measureSamples()
    const double budgetNs = std::max(0.0, m_settings.warmUpSeconds) * 1e9;
    const auto start = Clock::now();
    // A workload that measures itself warms up through run(): what a warm-up execution
    // measured is not wanted, and a command is then not stopped at its exit for its peak
    // memory (CommandWorkload keeps that for the first measured execution).
    if (m_workload.measuresItself() && m_settings.warmUpRuns >= 0) {
        // Counted runs (--warmup N); zero is allowed: one execution is one sample, so nothing
        // needs an estimate of the iteration time.
        for (int i = 0; i < m_settings.warmUpRuns && !m_stop.stop_requested(); ++i)
            m_workload.run(1, m_stop);
        return;
    }
    if (m_workload.measuresItself()) {
        do {
            const auto t0 = Clock::now();
            m_workload.run(1, m_stop);
            m_iterationNs = std::max(nsSince(t0), 0.1);
        } while (nsSince(start) < budgetNs && !m_stop.stop_requested());
        return;
    }
    std::uint64_t batch = 1;
    // At least one batch always runs: calibration needs an estimate even with no warm-up time.
    do {
        const auto t0 = Clock::now();
        m_workload.run(batch, m_stop);
        const double elapsed = nsSince(t0);
        m_iterationNs = std::max(elapsed / double(batch), 0.1);
        // Double, but keep a batch under one chunk so that stop stays responsive.
        const double perChunk = kChunkNs / m_iterationNs;
        batch = std::max<std::uint64_t>(1, std::min<double>(double(batch) * 2, perChunk));
    } while (nsSince(start) < budgetNs && !m_stop.stop_requested());
}

void Measurer::calibrate()
{
    if (m_workload.measuresInBulk())
        return; // its samples come with their own iteration counts
    if (m_workload.measuresItself()) {
        // One execution is one sample: there is no batch to size, nor an estimate to need.
        m_iterationsPerSample = 1;
        m_iterationsPerChunk = 1;
        return;
    }
    if (m_iterationNs <= 0)
        warmUp();
    m_iterationsPerChunk = std::max<std::uint64_t>(1, std::uint64_t(kChunkNs / m_iterationNs));
    if (m_settings.fixedIterations > 0) {
        m_iterationsPerSample = m_settings.fixedIterations;
        return;
    }
    const int samples = std::max(1, m_settings.sampleCount);
    const double targetNs = std::max(m_settings.measurementSeconds * 1e9 / samples, minimumSampleNs());
    m_iterationsPerSample = std::max<std::uint64_t>(1, std::llround(targetNs / m_iterationNs));
}

void Measurer::beginRound(int samples)
{
    if (!m_workload.measuresInBulk())
        return;
    m_bulk.reset();
    m_nextBulk = 0;
    m_roundSamples = std::max(1, samples);
}

std::optional<Sample> Measurer::takeBulkSample()
{
    if (m_stop.stop_requested())
        return std::nullopt;
    if (!m_bulk) {
        MeasurementSettings round = m_settings;
        if (m_roundSamples > 0) {
            const double share = double(m_roundSamples) / double(std::max(1, m_settings.sampleCount));
            round.sampleCount = m_roundSamples;
            round.warmUpSeconds *= share;
            round.measurementSeconds *= share;
        }
        m_bulk = m_workload.measureSamples(round, m_stop);
        if (!m_bulk)
            return std::nullopt; // stopped
    }
    if (m_stop.stop_requested() || m_nextBulk >= m_bulk->size())
        return std::nullopt;
    return (*m_bulk)[m_nextBulk++];
}

std::optional<Sample> Measurer::takeSample()
{
    if (m_workload.measuresInBulk())
        return takeBulkSample();
    if (m_workload.measuresItself()) {
        if (m_stop.stop_requested())
            return std::nullopt;
        std::optional<Sample> sample = m_workload.measureIteration(m_stop);
        return m_stop.stop_requested() ? std::nullopt : sample;
    }
    Sample sample;
    std::uint64_t remaining = m_iterationsPerSample;
    const double cpuStart = threadCpuNs();
    while (remaining > 0) {
        if (m_stop.stop_requested())
            return std::nullopt;
        const std::uint64_t chunk = std::min(remaining, m_iterationsPerChunk);
        const auto t0 = Clock::now();
        m_workload.run(chunk, m_stop);
        sample.elapsedNs += nsSince(t0);
        remaining -= chunk;
    }
    if (m_stop.stop_requested())
        return std::nullopt; // the workload may have cut its last chunk short
    sample.cpuNs = threadCpuNs() - cpuStart;
    sample.iterations = m_iterationsPerSample;
    sample.rssBytes = currentRssBytes();
    return sample;
}

} // namespace crucible
