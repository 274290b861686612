#pragma once

#include <cstdint>
#include <exception>
#include <string_view>
#include <variant>

// The job behind architecture.errors: parse and validate one "key=value" configuration entry
// ("port=8080"), where the key must be known and the value a decimal integer in the key's range.
// Written twice, identical except in how a failure travels back to the caller: thrown as an
// exception, or returned as a value. Out of line in its own translation unit, so that errors
// cross real call boundaries on both sides.
namespace crucible::workloads::architecture {

enum class ConfigKey : std::uint8_t { Port, TimeoutMs, Retries, Workers, BufferKib };

struct ConfigEntry {
    ConfigKey key = ConfigKey::Port;
    std::int32_t value = 0;
};

enum class ParseErrorCode : std::uint8_t { MissingSeparator, UnknownKey, NotANumber, OutOfRange };

// The same information on both sides: what went wrong and where.
struct ParseError {
    ParseErrorCode code = ParseErrorCode::MissingSeparator;
    std::uint32_t column = 0;
};

// Old way: failures are thrown.
class ParseException : public std::exception {
public:
    explicit ParseException(ParseError error) : m_error(error) { }
    const ParseError& error() const { return m_error; }
    const char* what() const noexcept override;

private:
    ParseError m_error;
};

ConfigEntry parseEntryOrThrow(std::string_view line);

// New way: failures are returned. A small result type, as C++20 has no std::expected.
template <typename T>
class Result {
public:
    Result(T value) : m_state(std::move(value)) { }
    Result(ParseError error) : m_state(error) { }

    explicit operator bool() const { return m_state.index() == 0; }
    const T& value() const { return *std::get_if<0>(&m_state); }
    const ParseError& error() const { return *std::get_if<1>(&m_state); }

private:
    std::variant<T, ParseError> m_state;
};

Result<ConfigEntry> parseEntry(std::string_view line);

} // namespace crucible::workloads::architecture
