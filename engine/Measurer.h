#pragma once

#include "MeasurementSettings.h"
#include "Sample.h"
#include "Workload.h"

#include <optional>
#include <stop_token>

namespace crucible {

// The in-process measurement loop for one workload, one step at a time, so that a session can
// interleave the samples of two workloads (A B A B ...) when they form a pair.
//
//   warmUp()      runs the workload for the warm-up time with doubling batches and estimates
//                 the cost of one iteration from the last, warmest batch;
//   calibrate()   picks iterations per sample so that one sample lasts measurement time /
//                 sample count, and never less than 1000 clock ticks (as nanobench does);
//   takeSample()  times one batch, in chunks of at most ~20 ms so a stop request is seen
//                 quickly; the chunks' times are summed.
// A workload that measures itself (Workload::measuresItself(), an external command) is not
// timed here: warm-up runs at least one of its iterations and then as many as fit in the
// warm-up time, calibration sets one iteration per sample (--iterations does not apply), and
// each sample is the workload's own measureIteration(). A workload that measures in bulk
// (Workload::measuresInBulk(), a Google Benchmark executable) warms itself up: the first
// takeSample() asks it for all samples, and each takeSample() hands out the next one.
class Measurer {
public:
    Measurer(Workload& workload, const MeasurementSettings& settings, std::stop_token stop);

    void warmUp();
    void calibrate();
    // Starts a round of `samples` samples (engine/SuiteRunner.h). A workload that measures in
    // bulk is asked for that round's samples afresh (a Google Benchmark executable runs once
    // per round), with the warm-up and measurement time shared out in proportion, so that the
    // whole run takes as long as without rounds.
    void beginRound(int samples);
    // nullopt when a stop was requested before the sample completed.
    std::optional<Sample> takeSample();

    double estimatedIterationNs() const { return m_iterationNs; }
    std::uint64_t iterationsPerSample() const { return m_iterationsPerSample; }

    // Smallest tick of the steady clock seen on this machine, in ns.
    static double clockResolutionNs();
    // Shortest sample the calibration accepts: far above the clock's resolution.
    static double minimumSampleNs();

private:
    std::optional<Sample> takeBulkSample();

    Workload& m_workload;
    MeasurementSettings m_settings;
    std::stop_token m_stop;
    double m_iterationNs = 0;
    std::uint64_t m_iterationsPerSample = 1;
    std::uint64_t m_iterationsPerChunk = 1;
    std::optional<Samples> m_bulk; // measuresInBulk(): what measureSamples() returned
    std::size_t m_nextBulk = 0;
    int m_roundSamples = 0; // 0: all of settings.sampleCount in one go
};

// Per-thread CPU time in ns (CLOCK_THREAD_CPUTIME_ID).
double threadCpuNs();

} // namespace crucible
