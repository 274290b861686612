#include "EntryParser.h"

#include <array>

namespace crucible::workloads::architecture {

namespace {

struct KeySpec {
    std::string_view name;
    ConfigKey key;
    std::int64_t minimum;
    std::int64_t maximum;
};

constexpr std::array<KeySpec, 5> kKeys{{
    {"port", ConfigKey::Port, 1, 65535},
    {"timeout_ms", ConfigKey::TimeoutMs, 0, 600000},
    {"retries", ConfigKey::Retries, 0, 10},
    {"workers", ConfigKey::Workers, 1, 256},
    {"buffer_kib", ConfigKey::BufferKib, 4, 65536},
}};

// Longer than this many digits is out of range for every key; stops overflow early.
constexpr std::size_t kMaxDigits = 9;

const KeySpec* findKey(std::string_view name)
{
    for (const KeySpec& spec : kKeys)
        if (spec.name == name)
            return &spec;
    return nullptr;
}

std::uint32_t column(std::size_t offset)
{
    return static_cast<std::uint32_t>(offset + 1);
}

// ---- Old way: each level throws, the caller's catch is the only place that sees failures.

const KeySpec& parseKeyOrThrow(std::string_view name)
{
    const KeySpec* spec = findKey(name);
    if (!spec)
        throw ParseException({ParseErrorCode::UnknownKey, column(0)});
    return *spec;
}

std::int64_t parseNumberOrThrow(std::string_view text, std::size_t offset)
{
    if (text.empty())
        throw ParseException({ParseErrorCode::NotANumber, column(offset)});
    std::int64_t parsed = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            throw ParseException({ParseErrorCode::NotANumber, column(offset + i)});
        if (i == kMaxDigits)
            throw ParseException({ParseErrorCode::OutOfRange, column(offset)});
        parsed = parsed * 10 + (c - '0');
    }
    return parsed;
}

// ---- New way: each level returns its failure, and the caller passes it up.

Result<const KeySpec*> parseKey(std::string_view name)
{
    const KeySpec* spec = findKey(name);
    if (!spec)
        return ParseError{ParseErrorCode::UnknownKey, column(0)};
    return spec;
}

Result<std::int64_t> parseNumber(std::string_view text, std::size_t offset)
{
    if (text.empty())
        return ParseError{ParseErrorCode::NotANumber, column(offset)};
    std::int64_t parsed = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return ParseError{ParseErrorCode::NotANumber, column(offset + i)};
        if (i == kMaxDigits)
            return ParseError{ParseErrorCode::OutOfRange, column(offset)};
        parsed = parsed * 10 + (c - '0');
    }
    return parsed;
}

} // namespace

const char* ParseException::what() const noexcept
{
    switch (m_error.code) {
    case ParseErrorCode::MissingSeparator:
        return "missing '=' between key and value";
    case ParseErrorCode::UnknownKey:
        return "unknown key";
    case ParseErrorCode::NotANumber:
        return "value is not a decimal integer";
    case ParseErrorCode::OutOfRange:
        return "value out of range for its key";
    }
    return "parse error";
}

ConfigEntry parseEntryOrThrow(std::string_view line)
{
    const std::size_t separator = line.find('=');
    if (separator == std::string_view::npos)
        throw ParseException({ParseErrorCode::MissingSeparator, column(line.size())});
    const KeySpec& spec = parseKeyOrThrow(line.substr(0, separator));
    const std::int64_t value = parseNumberOrThrow(line.substr(separator + 1), separator + 1);
    if (value < spec.minimum || value > spec.maximum)
        throw ParseException({ParseErrorCode::OutOfRange, column(separator + 1)});
    return {spec.key, static_cast<std::int32_t>(value)};
}

Result<ConfigEntry> parseEntry(std::string_view line)
{
    const std::size_t separator = line.find('=');
    if (separator == std::string_view::npos)
        return ParseError{ParseErrorCode::MissingSeparator, column(line.size())};
    const Result<const KeySpec*> spec = parseKey(line.substr(0, separator));
    if (!spec)
        return spec.error();
    const Result<std::int64_t> value = parseNumber(line.substr(separator + 1), separator + 1);
    if (!value)
        return value.error();
    if (value.value() < spec.value()->minimum || value.value() > spec.value()->maximum)
        return ParseError{ParseErrorCode::OutOfRange, column(separator + 1)};
    return ConfigEntry{spec.value()->key, static_cast<std::int32_t>(value.value())};
}

} // namespace crucible::workloads::architecture
