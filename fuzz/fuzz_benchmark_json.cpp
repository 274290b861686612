// The readers of outside result files: Google Benchmark JSON, hyperfine JSON and our own
// results.json (as --compare and --import read them), chosen by FUZZ_FORMAT at build time so
// that each has its own corpus. Property: what a reader accepts, our results.json writer writes
// and our reader reads back to the same document (a fixed point after one round).
#include "FuzzInput.h"

#include "interop/GbenchJson.h"
#include "interop/HyperfineJson.h"
#include "interop/ResultsJson.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes = fuzzBytes(data, size);
#if FUZZ_FORMAT == 1
    const crucible::Expected<crucible::RunResult> run = crucible::parseGbenchJson(bytes, QStringLiteral("in.json"));
#elif FUZZ_FORMAT == 2
    const crucible::Expected<crucible::RunResult> run = crucible::parseHyperfineJson(bytes, QStringLiteral("in.json"));
#else
    const crucible::Expected<crucible::RunResult> run = crucible::runFromJson(bytes);
#endif
    if (!run) {
        FUZZ_CHECK(!run.error().message.isEmpty());
        return 0;
    }
    const QByteArray written = crucible::runToJsonBytes(*run);
    const crucible::Expected<crucible::RunResult> reread = crucible::runFromJson(written);
    FUZZ_CHECK(reread.has_value());
    FUZZ_CHECK(crucible::runToJsonBytes(*reread) == written);
    return 0;
}
