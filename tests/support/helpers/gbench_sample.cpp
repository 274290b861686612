// A small Google Benchmark executable for tst_gbench: benchmarks whose cost per iteration is
// fixed by their argument, so a suite run and a direct run of this executable can be compared.
//   BM_Spin/N      N steps of a dependent integer recurrence (a few ns each, nothing to cache)
//   BM_Sort/4096   making 4096 pseudo-random integers and sorting them
//   BM_Noisy       prints to stdout on every call, to show that the JSON is read from its own file
//   BM_Fails       reports an error (SkipWithError), as a benchmark missing its input does
//   BM_Hang        one iteration that sleeps for a minute, for timeouts and stop
// CPU-bound and single-threaded on purpose: their CPU time per iteration barely depends on the
// load of the machine, which the comparison needs.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <random>
#include <thread>
#include <vector>

namespace {

void BM_Spin(benchmark::State& state)
{
    const auto steps = std::uint64_t(state.range(0));
    for (auto _ : state) {
        std::uint64_t x = 88172645463325252u;
        for (std::uint64_t i = 0; i < steps; ++i)
            x = x * 6364136223846793005u + 1442695040888963407u; // each step needs the previous
        benchmark::DoNotOptimize(x);
    }
}
BENCHMARK(BM_Spin)->Arg(1000)->Arg(20000);

void BM_Sort(benchmark::State& state)
{
    // Fresh input for every iteration: sorting the same input again and again lets the branch
    // predictor learn it, and how much it learns depends on what else runs on the core (its
    // CPU time varied threefold on a loaded machine).
    std::mt19937 generator(42);
    std::vector<int> work(std::size_t(state.range(0)));
    for (auto _ : state) {
        for (int& v : work)
            v = int(generator());
        std::sort(work.begin(), work.end());
        benchmark::DoNotOptimize(work.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_Sort)->Arg(4096);

void BM_Noisy(benchmark::State& state)
{
    std::puts("BM_Noisy says hello on stdout");
    for (auto _ : state)
        benchmark::DoNotOptimize(state.iterations());
}
BENCHMARK(BM_Noisy);

void BM_Fails(benchmark::State& state)
{
    state.SkipWithError("no input file");
    for (auto _ : state)
        benchmark::DoNotOptimize(state.iterations());
}
BENCHMARK(BM_Fails);

void BM_Hang(benchmark::State& state)
{
    for (auto _ : state)
        std::this_thread::sleep_for(std::chrono::minutes(1));
}
BENCHMARK(BM_Hang)->Iterations(1);

} // namespace

BENCHMARK_MAIN();
