#include "SuiteFiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <stdexcept>

namespace crucible::workloads::cli {

namespace {

QJsonArray argv(std::initializer_list<QString> arguments)
{
    QJsonArray array;
    for (const QString& a : arguments)
        array.append(a);
    return array;
}

QByteArray suite(const QString& name, const QJsonArray& workloads, const QJsonArray& budgets = {},
                 const QJsonArray& claims = {})
{
    QJsonObject root{{QStringLiteral("name"), name}, {QStringLiteral("workloads"), workloads}};
    if (!budgets.isEmpty())
        root.insert(QStringLiteral("budgets"), budgets);
    if (!claims.isEmpty())
        root.insert(QStringLiteral("claims"), claims);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace

QByteArray singleWorkloadSuite(const QString& id)
{
    return suite(QStringLiteral("cli-command"), QJsonArray{QJsonObject{{QStringLiteral("id"), id}}});
}

QByteArray largeConfigurationSuite(int entries)
{
    QJsonArray workloads;
    QJsonArray budgets;
    for (int i = 0; i < entries; ++i) {
        const QString id = QStringLiteral("cli.tool_%1").arg(i);
        workloads.append(QJsonObject{
            {QStringLiteral("id"), id},
            {QStringLiteral("description"), QStringLiteral("Tool %1 over its input in three sizes").arg(i)},
            {QStringLiteral("command"),
             argv({QStringLiteral("tool-%1").arg(i % 17), QStringLiteral("--input"), QStringLiteral("data-{size}.txt"),
                   QStringLiteral("--threads=%1").arg(1 + i % 8)})},
            {QStringLiteral("prepare"), argv({QStringLiteral("make-data"), QStringLiteral("{size}")})},
            {QStringLiteral("cleanup"),
             argv({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("data-{size}.txt")})},
            {QStringLiteral("cwd"), QStringLiteral("work/%1").arg(i % 5)},
            {QStringLiteral("env"),
             QJsonObject{{QStringLiteral("LC_ALL"), QStringLiteral("C")},
                         {QStringLiteral("TOOL_LEVEL"), QString::number(i % 3)}}},
            {QStringLiteral("timeout_s"), 30 + i % 30},
            {QStringLiteral("expect_exit"), 0},
            {QStringLiteral("params"),
             QJsonObject{{QStringLiteral("size"),
                          QJsonArray{QStringLiteral("small"), QStringLiteral("medium"), QStringLiteral("large")}}}},
        });
        budgets.append(QJsonObject{{QStringLiteral("workload"), id + QStringLiteral("/size=small")},
                                   {QStringLiteral("metric"), QStringLiteral("median_ms")},
                                   {QStringLiteral("max"), 100 + i}});
    }
    // Built-ins by id, with parameter scans checked against their registered parameters.
    workloads.append(QJsonObject{
        {QStringLiteral("id"), QStringLiteral("system.file_io.write")},
        {QStringLiteral("params"),
         QJsonObject{{QStringLiteral("size"),
                      QJsonArray{QStringLiteral("4KiB"), QStringLiteral("64KiB"), QStringLiteral("1MiB")}}}}});
    workloads.append(
        QJsonObject{{QStringLiteral("id"), QStringLiteral("system.cleanup")},
                    {QStringLiteral("params"), QJsonObject{{QStringLiteral("files"), QJsonArray{10, 100, 1000}}}}});
    budgets.append(QJsonObject{{QStringLiteral("workload"), QStringLiteral("*")},
                               {QStringLiteral("metric"), QStringLiteral("peak_rss_mb")},
                               {QStringLiteral("max"), 90}});
    const QJsonArray claims{QJsonObject{{QStringLiteral("name"), QStringLiteral("Large input scales")},
                                        {QStringLiteral("baseline"), QStringLiteral("cli.tool_0/size=large")},
                                        {QStringLiteral("candidate"), QStringLiteral("cli.tool_0/size=small")},
                                        {QStringLiteral("expected_improvement_pct"), 50},
                                        {QStringLiteral("tolerance_pct"), 10}}};
    return suite(QStringLiteral("cli-config"), workloads, budgets, claims);
}

QByteArray longListingSuite(int workloads)
{
    QJsonArray values;
    for (int i = 0; i < workloads; ++i)
        values.append(i);
    return suite(QStringLiteral("cli-streaming"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("id"), QStringLiteral("cli.echo")},
                     {QStringLiteral("description"), QStringLiteral("Echo one number: a line of the streamed listing")},
                     {QStringLiteral("command"), argv({QStringLiteral("echo"), QStringLiteral("{n}")})},
                     {QStringLiteral("params"), QJsonObject{{QStringLiteral("n"), values}}}}});
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        throw std::runtime_error(QStringLiteral("cannot write '%1': %2").arg(path, file.errorString()).toStdString());
}

} // namespace crucible::workloads::cli
