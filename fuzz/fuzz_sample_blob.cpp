// The history's samples blob decoder (engine/history/SampleBlob.h) on arbitrary bytes: a blob
// read from a store someone else wrote. Property: whatever decodes encodes back to a blob that
// decodes to the same samples.
#include "FuzzInput.h"

#include "history/SampleBlob.h"

#include <cstring>

namespace {

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::optional<crucible::Samples> samples = crucible::history::decodeSamples(fuzzBytes(data, size));
    if (!samples)
        return 0;
    const std::optional<crucible::Samples> again =
        crucible::history::decodeSamples(crucible::history::encodeSamples(*samples));
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(again->size() == samples->size());
    for (std::size_t i = 0; i < samples->size(); ++i) {
        const crucible::Sample& a = (*samples)[i];
        const crucible::Sample& b = (*again)[i];
        // Bit for bit: "decoding is exact" holds for NaNs and negative zeros too.
        FUZZ_CHECK(a.iterations == b.iterations && a.rssBytes == b.rssBytes && sameBits(a.elapsedNs, b.elapsedNs)
                   && sameBits(a.cpuNs, b.cpuNs) && sameBits(a.userNs, b.userNs) && sameBits(a.sysNs, b.sysNs));
    }
    return 0;
}
