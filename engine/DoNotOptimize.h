#pragma once

namespace crucible {

// Makes the optimizer believe `value` is read and may be modified, so the computation that
// produced it cannot be deleted or hoisted out of the timed loop. Same technique as Google
// Benchmark's DoNotOptimize: an empty asm statement with the value as an operand and a memory
// clobber. The "r,m" alternative lets register-sized values stay in registers.
template <typename T>
inline __attribute__((always_inline)) void doNotOptimize(T const& value)
{
    asm volatile("" : : "r,m"(value) : "memory");
}

template <typename T>
inline __attribute__((always_inline)) void doNotOptimize(T& value)
{
#if defined(__clang__)
    asm volatile("" : "+r,m"(value) : : "memory");
#else
    asm volatile("" : "+m,r"(value) : : "memory");
#endif
}

// Forces pending writes to memory to be treated as observed.
inline __attribute__((always_inline)) void clobberMemory()
{
    asm volatile("" : : : "memory");
}

} // namespace crucible
