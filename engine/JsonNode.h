#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <initializer_list>

// Reading JSON with the key path at hand: suite files (engine/suite) and imported Google
// Benchmark and hyperfine files (engine/interop).
namespace crucible::suite {

// The first problem found in a suite file: where (a key path such as "workloads[2].timeout_s",
// empty for the top level) and what. Thrown inside the parser, which stops at the first
// problem; parseSuite() turns it into a message naming the file.
struct Invalid {
    QString keyPath;
    QString problem;
};

// "got" part of a message: "\"ten\"", "true", "null", "3.5", "an array", "an object".
QString describeValue(const QJsonValue& value);

// Key names as strings, for messages and lookups.
QStringList keyNames(std::initializer_list<const char*> keys);

// A JSON value and where it sits. Each accessor checks the type it promises and throws
// Invalid naming this node's path otherwise.
class Node {
public:
    Node(QJsonValue value, QString path) : m_value(std::move(value)), m_path(std::move(path)) { }

    const QJsonValue& value() const { return m_value; }
    const QString& path() const { return m_path; }
    [[noreturn]] void fail(const QString& problem) const;

    QJsonObject object() const;
    QJsonArray array() const;
    QString string() const; // non-empty
    double number() const;
    double number(double min, double max) const;
    int integer(int min, int max) const;
    QStringList argv() const; // a non-empty array of strings, the first non-empty

    // Members of an object.
    bool has(const QString& key) const { return m_value.toObject().contains(key); }
    Node operator[](const QString& key) const;
    // The member `key`, which must be there ("missing" otherwise).
    Node required(const QString& key) const;
    // Rejects keys outside `allowed`, naming the key, the allowed key it is closest to ("did
    // you mean") and what is allowed (`where` says which kind of object, e.g. "in a built-in
    // workload entry"). `elsewhere` are keys that other kinds of object allow: they are named
    // only when no key is unknown everywhere, and they are suggested too.
    void allowOnly(std::initializer_list<const char*> allowed, const QString& where = {},
                   const QStringList& elsewhere = {}) const;
    // Elements of an array.
    Node operator[](qsizetype index) const;
    qsizetype size() const { return m_value.toArray().size(); }

private:
    QJsonValue m_value;
    QString m_path;
};

} // namespace crucible::suite
