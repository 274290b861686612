#pragma once

#include <QString>

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

// A value, or the error that stopped it: how every engine function that can fail says so
// (DESIGN.md "Errors"). std::expected is C++23 and GCC 12 lacks it; this is the part of it the
// code uses, spelled as std::expected spells it, so that moving to it later is a rename.
namespace crucible {

// What went wrong, as far as anyone acts on it: the exit code (cli/ExitCodes.h exitCodeFor)
// follows from the kind alone. SPEC.md's exit codes tell these three apart and no more.
enum class ErrorKind {
    Usage,    // the command line asks for what cannot be: FILTER words that select nothing
    Input,    // a file, suite, history store or name the user gave cannot be used
    Internal, // not the user's doing: a bug, a part this build lacks, a disk or store failing in use
};

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    QString message; // for the user, word for word: names the file, key or store

    static Error usage(QString message) { return {ErrorKind::Usage, std::move(message)}; }
    static Error input(QString message) { return {ErrorKind::Input, std::move(message)}; }
    static Error internal(QString message) { return {ErrorKind::Internal, std::move(message)}; }

    // The same kind of error, said where more is known: "<file>: " + message.
    Error prefixed(const QString& prefix) const { return {kind, prefix + message}; }
};

template <typename T>
class [[nodiscard]] Expected {
    // What a T is made from: anything that makes one, but not an Error or another Expected.
    template <typename U>
    static constexpr bool isValue()
    {
        using Bare = std::remove_cvref_t<U>;
        return std::is_constructible_v<T, U&&> && !std::is_same_v<Bare, Expected> && !std::is_same_v<Bare, Error>;
    }

public:
    Expected() requires std::is_default_constructible_v<T> : m_state(std::in_place_index<0>) { }
    template <typename U = T, std::enable_if_t<isValue<U>(), int> = 0>
    Expected(U&& value) : m_state(std::in_place_index<0>, std::forward<U>(value))
    { }
    Expected(Error error) : m_state(std::in_place_index<1>, std::move(error)) { }

    bool has_value() const { return m_state.index() == 0; }
    explicit operator bool() const { return has_value(); }

    // Asking an error for its value (or a value for its error) is a bug, found loudly: it
    // throws std::bad_variant_access, as std::expected's value() throws.
    T& value() & { return std::get<0>(m_state); }
    const T& value() const& { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<1>(m_state); }

    // For a caller to whom a failure means "nothing": value_or({}) gives an empty list.
    template <typename U = T>
    T value_or(U&& fallback) const&
    {
        return has_value() ? value() : T(std::forward<U>(fallback));
    }
    template <typename U = T>
    T value_or(U&& fallback) &&
    {
        return has_value() ? std::move(*this).value() : T(std::forward<U>(fallback));
    }

private:
    std::variant<T, Error> m_state;
};

// Success with nothing to hand back, or the error.
template <>
class [[nodiscard]] Expected<void> {
public:
    Expected() = default;
    Expected(Error error) : m_error(std::move(error)) { }

    bool has_value() const { return !m_error; }
    explicit operator bool() const { return has_value(); }
    const Error& error() const { return m_error.value(); }

private:
    std::optional<Error> m_error;
};

} // namespace crucible
