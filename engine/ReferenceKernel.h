#pragma once

namespace crucible {

// A fixed piece of CPU work, timed between the slots of a run to tell how fast the machine is
// at that moment. On a shared VM the machine's speed moves by tens of percent from second to
// second (a slow state of a few seconds, invisible to steal time); the reference sees those
// phases, so that a workload's time can also be read relative to it, and a level shift in a
// workload can be told apart from one of the machine.
//
// The work: a xorshift generator driving reads and writes into a 16 KiB table (L1-resident),
// with a data dependency from one step to the next, so that neither the compiler nor the CPU
// can skip or overlap much of it. It never changes: a change here would make every stored
// reference incomparable, so kReferenceKernelVersion goes up with any edit.
inline constexpr int kReferenceKernelVersion = 1;

// One timing of the kernel, in ns: the median of three back-to-back executions (about 1 ms
// each on a current x86-64 core), so that one interrupt does not decide it.
double measureReferenceKernelNs();

} // namespace crucible
