#pragma once

#include <QtTest>

#include <algorithm>
#include <cmath>

// Whether `actual` is within `relTol` of `expected`, relative to it (exact equality always is:
// infinities and zeros compare).
inline bool relClose(double actual, double expected, double relTol)
{
    if (actual == expected)
        return true;
    return std::abs(actual - expected) <= relTol * std::max(std::abs(expected), 1e-300);
}

// Relative comparison that prints both numbers in full when it fails.
#define COMPARE_REL(actual, expected, relTol)                                                                          \
    QVERIFY2(relClose((actual), (expected), (relTol)),                                                                 \
             qPrintable(QStringLiteral("%1 = %2, expected %3")                                                         \
                            .arg(QLatin1String(#actual))                                                               \
                            .arg((actual), 0, 'g', 17)                                                                 \
                            .arg((expected), 0, 'g', 17)))
