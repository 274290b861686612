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
    QString error;
#if FUZZ_FORMAT == 1
    const std::optional<crucible::RunResult> run = crucible::parseGbenchJson(bytes, QStringLiteral("in.json"), &error);
#elif FUZZ_FORMAT == 2
    const std::optional<crucible::RunResult> run =
        crucible::parseHyperfineJson(bytes, QStringLiteral("in.json"), &error);
#else
    const std::optional<crucible::RunResult> run = crucible::runFromJson(bytes, &error);
#endif
    FUZZ_CHECK(run.has_value() != !error.isEmpty());
    if (!run)
        return 0;
    const QByteArray written = crucible::runToJsonBytes(*run);
    QString again;
    const std::optional<crucible::RunResult> reread = crucible::runFromJson(written, &again);
    FUZZ_CHECK(reread.has_value());
    FUZZ_CHECK(crucible::runToJsonBytes(*reread) == written);
    return 0;
}
