// The command line and its CRITERION_* / CRUCIBLE_* variables on arbitrary input: one argument
// or NAME=VALUE per line, the variables after a line "--env--". A usage error names what is
// wrong; nothing crashes.
#include "FuzzInput.h"

#include "cli/CommandLine.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    QStringList arguments{QStringLiteral("crucible-bench")};
    QProcessEnvironment environment;
    bool inEnvironment = false;
    for (const QByteArray& line : fuzzBytes(data, size).split('\n')) {
        if (line == "--env--") {
            inEnvironment = true;
            continue;
        }
        const QString text = QString::fromUtf8(line);
        if (!inEnvironment) {
            arguments << text;
        } else if (const qsizetype eq = text.indexOf(QLatin1Char('=')); eq > 0) {
            environment.insert(text.left(eq), text.mid(eq + 1));
        }
    }
    const crucible::ParsedCommandLine parsed = crucible::parseCommandLine(arguments, environment);
    FUZZ_CHECK(parsed.options.has_value() != !parsed.error.message.isEmpty());
    return 0;
}
