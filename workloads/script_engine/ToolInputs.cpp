#include "ToolInputs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace crucible::workloads::script_engine {

namespace {

constexpr int kVariants = 4;
constexpr int kOrdersPerList = 64;

std::vector<QVariantMap> simpleArguments()
{
    static const char* const customers[kVariants] = {"Acme Tools GmbH", "Northwind Traders", "Blue Yonder Airlines",
                                                     "Contoso Pharmaceuticals"};
    static const char* const currencies[kVariants] = {"EUR", "USD", "GBP", "CHF"};
    std::vector<QVariantMap> sets;
    for (int i = 0; i < kVariants; ++i)
        sets.push_back(
            {{QStringLiteral("invoice"), QStringLiteral("INV-%1").arg(4217 + i * 311, 6, 10, QLatin1Char('0'))},
             {QStringLiteral("customer"), QString::fromLatin1(customers[i])},
             {QStringLiteral("amount"), 1234.5 * (i + 1) + 0.25 * i},
             {QStringLiteral("currency"), QString::fromLatin1(currencies[i])},
             {QStringLiteral("dueDays"), 14 + 7 * i}});
    return sets;
}

// A list of orders as JSON text, the tool's input format; `seed` varies prices and quantities.
QString orderList(int seed)
{
    static const char* const regions[] = {"north", "south", "east", "west", "central"};
    static const char* const statuses[] = {"open", "paid", "shipped", "cancelled"};
    static const char* const tiers[] = {"gold", "silver", "bronze"};
    QJsonArray orders;
    for (int i = 0; i < kOrdersPerList; ++i) {
        const int k = i + seed * 7;
        QJsonArray items;
        for (int j = 0; j < 3; ++j)
            items.append(QJsonObject{{QStringLiteral("sku"), QStringLiteral("SKU-%1-%2").arg(k).arg(j)},
                                     {QStringLiteral("quantity"), 1 + (k + j) % 5},
                                     {QStringLiteral("unitPrice"), 4.99 + double((k * 37 + j * 101) % 400)}});
        const int customer = (k * 13) % 23;
        orders.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("ORD-%1").arg(10000 + k)},
                                  {QStringLiteral("status"), QLatin1String(statuses[k % 4])},
                                  {QStringLiteral("region"), QLatin1String(regions[(k * 7) % 5])},
                                  {QStringLiteral("customer"),
                                   QJsonObject{{QStringLiteral("id"), QStringLiteral("C%1").arg(customer)},
                                               {QStringLiteral("name"), QStringLiteral("Customer %1").arg(customer)},
                                               {QStringLiteral("tier"), QLatin1String(tiers[customer % 3])}}},
                                  {QStringLiteral("items"), items}});
    }
    return QString::fromUtf8(QJsonDocument(orders).toJson(QJsonDocument::Compact));
}

std::vector<QVariantMap> mediumArguments()
{
    static const char* const statuses[kVariants] = {"paid", "open", "shipped", "paid"};
    std::vector<QVariantMap> sets;
    for (int i = 0; i < kVariants; ++i)
        sets.push_back({{QStringLiteral("orders"), orderList(i)},
                        {QStringLiteral("status"), QString::fromLatin1(statuses[i])},
                        {QStringLiteral("minAmount"), 50.0 * i},
                        {QStringLiteral("top"), 5}});
    return sets;
}

// Programs in the interpreter's language: function calls, loops, recursion and branches,
// each a few thousand interpreter steps.
std::vector<QVariantMap> complexArguments()
{
    static const char* const library =
        "fn gcd(a, b) { while (b != 0) { let t = b; b = a % b; a = t; } return a; }\n"
        "fn fib(n) { let a = 0; let b = 1; let i = 0; while (i < n) { let t = a + b; a = b; b = t; i = i + 1; } return "
        "a; }\n"
        "fn fact(n) { if (n <= 1) { return 1; } return n * fact(n - 1); }\n"
        "fn isPrime(k) { let d = 2; while (d * d <= k) { if (k % d == 0) { return 0; } d = d + 1; } return k > 1; }\n"
        "fn collatz(n) { let steps = 0; while (n != 1) { if (n % 2 == 0) { n = n / 2; } else { n = 3 * n + 1; } steps "
        "= steps + 1; } return steps; }\n";
    static const char* const mains[kVariants] = {
        "print(fib(25)); print(gcd(1071, 462)); print(fact(10));",
        "let count = 0; let k = 2; while (k < 60) { count = count + isPrime(k); k = k + 1; } print(count);",
        "print(collatz(27)); print(gcd(832040, 514229));",
        "let s = 0; let i = 1; while (i <= 40) { if (i % 3 == 0 || i % 5 == 0) { s = s + i * i; } i = i + 1; } "
        "print(s); print(fact(8));",
    };
    std::vector<QVariantMap> sets;
    for (const char* main : mains)
        sets.push_back({{QStringLiteral("program"), QString::fromLatin1(library) + QLatin1String(main)},
                        {QStringLiteral("maxSteps"), 100000}});
    return sets;
}

std::vector<QVariantMap> failingArguments()
{
    static const char* const paths[kVariants] = {"../../etc/passwd", "/etc/shadow", "src/../../../root/.ssh/id_rsa",
                                                 "build/./../../other-project/secrets.env"};
    std::vector<QVariantMap> sets;
    for (const char* path : paths)
        sets.push_back({{QStringLiteral("path"), QString::fromLatin1(path)}});
    return sets;
}

} // namespace

std::vector<QVariantMap> toolArguments(ToolScript script)
{
    switch (script) {
    case ToolScript::Simple:
        return simpleArguments();
    case ToolScript::Medium:
        return mediumArguments();
    case ToolScript::Complex:
        return complexArguments();
    case ToolScript::Failing:
        return failingArguments();
    case ToolScript::Api:
        break;
    }
    return {};
}

} // namespace crucible::workloads::script_engine
