#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// The bytes libFuzzer hands a target, as Qt sees them (copied: Qt may keep a reference).
inline QByteArray fuzzBytes(const std::uint8_t* data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

// A property a target checks beyond "does not crash": when it fails, the input is a bug, and
// abort() makes libFuzzer keep it as a crash reproducer.
#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "fuzz property failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__);                \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)
