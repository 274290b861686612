// The suite file parser (SPEC.md "Suite file") on arbitrary bytes: it accepts or names the
// problem; it never crashes, hangs or leaks.
#include "FuzzInput.h"

#include "BuiltInWorkloads.h"
#include "suite/SuiteFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const crucible::WorkloadRegistry& registry()
{
    static const crucible::WorkloadRegistry r = [] {
        crucible::WorkloadRegistry built;
        crucible::workloads::registerBuiltInWorkloads(built);
        return built;
    }();
    return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes = fuzzBytes(data, size);
    // A gbench entry runs its program to list the benchmarks: not a parser's input to fuzz
    // (tst_gbench covers it), and a fuzzer that guessed "/bin/sh" would run programs. Looked
    // for in the parsed document, where "\u0067bench" is "gbench" too.
    const QJsonArray workloads = QJsonDocument::fromJson(bytes).object().value(QStringLiteral("workloads")).toArray();
    for (const QJsonValue& entry : workloads)
        if (entry.toObject().contains(QStringLiteral("gbench")))
            return -1;
    const crucible::SuiteParse parse = crucible::parseSuite(bytes, QStringLiteral("suite.json"), registry());
    FUZZ_CHECK(parse.suite.has_value() != !parse.error.isEmpty()); // a suite, or a reason: never both, never neither
    if (!parse.suite)
        FUZZ_CHECK(parse.error.startsWith(QStringLiteral("suite.json: ")));
    return 0;
}
