#pragma once

#include "Expected.h"

#include <QString>

// The message of a failed result, empty for a success: what QVERIFY2 prints and a test reads.
template <typename T>
QString errorText(const crucible::Expected<T>& result)
{
    return result ? QString() : result.error().message;
}
