// --db's argument: a SQLite path or a postgresql:// URL. Property: a URL that parses shows
// without its password.
#include "FuzzInput.h"

#include "history/HistoryLocation.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const crucible::Expected<crucible::history::HistoryLocation> location =
        crucible::history::parseHistoryLocation(QString::fromUtf8(fuzzBytes(data, size)));
    FUZZ_CHECK(location || !location.error().message.isEmpty());
    if (location && location->kind == crucible::history::HistoryLocation::Kind::PostgreSQL
        && !location->password.isEmpty())
        FUZZ_CHECK(!location->display().contains(QLatin1Char(':') + location->password + QLatin1Char('@')));
    return 0;
}
