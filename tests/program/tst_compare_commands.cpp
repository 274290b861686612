// Commands compared from the command line, as users run them: crucible-bench --headless -c A
// -c B prints the fastest, the ratios with their CI and verdict and each command's peak RSS,
// measures the commands interleaved (samples.csv's started_s), records the run so that the
// next run of the same commands compares with it, and writes hyperfine's shapes, which
// hyperfine's own scripts read.
#include "CsvReader.h"
#include "ProgramRun.h"

#include <QtTest>

namespace {

const QString kScripts = QStringLiteral(CRUCIBLE_FIXTURES "/hyperfine-scripts");

QStringList shortRun(const QString& outputDir)
{
    return {"--headless", "--runs",       "6",       "--warmup", "1",       "--rounds",
            "2",          "--output-dir", outputDir, "--format", "csv,json"};
}

QString readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// The Debian python3 (whose python3-numpy and python3-matplotlib the quick start installs), else
// the first python3 in PATH, if it imports `modules`; empty when none does.
QString pythonWith(const QStringList& modules)
{
    for (const QString& python : {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
        QProcess p;
        p.start(python, {QStringLiteral("-c"), QStringLiteral("import ") + modules.join(',')});
        if (p.waitForFinished(60'000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return python;
    }
    return {};
}

} // namespace

class TestCompareCommands : public QObject {
    Q_OBJECT
private slots:
    void twoCommandsAreComparedInterleaved();
    void laterRunComparesWithTheFirst();
    void hyperfineScriptsReadOurJson();
    void badCommandIsAnInputError();
    void shortRunReadsTheExactPeak();
};

void TestCompareCommands::twoCommandsAreComparedInterleaved()
{
    QTemporaryDir dir;
    const ProgramRun run =
        runProgram(shortRun(dir.path()) + QStringList{"--no-history", "-c", "sleep 0.02", "-c", "sleep 0.03"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString out = QString::fromUtf8(run.out);
    // Which one is faster is the machine's business; that one of them is named, with a ratio,
    // its interval and a verdict, is ours.
    QVERIFY2(
        out.contains(QRegularExpression(QStringLiteral("sleep 0\\.0[23] ran\\n  \\d+\\.\\d{3} × faster than "
                                                       "sleep 0\\.0[23]  \\(ratio of medians, 95% CI \\d+\\.\\d{3}–"
                                                       "\\d+\\.\\d{3}; Mann-Whitney p [<=] [0-9.]+: (not )?"
                                                       "significant\\)"))),
        qPrintable(out));
    QCOMPARE(out.count(QStringLiteral("peak RSS")), 2);
    QVERIFY2(!out.contains(QStringLiteral("peak RSS 0 B")), qPrintable(out));

    // samples.csv: by start time, the two commands take turns (A B A B …).
    const auto rows = readCsvStrict(readText(dir.filePath(QStringLiteral("samples.csv"))));
    QVERIFY(rows && rows->size() == 13);
    const QStringList header = rows->front();
    const qsizetype id = header.indexOf(QStringLiteral("id"));
    const qsizetype started = header.indexOf(QStringLiteral("started_s"));
    QVERIFY(id >= 0 && started >= 0);
    std::vector<std::pair<double, QString>> order;
    for (std::size_t i = 1; i < rows->size(); ++i)
        order.emplace_back((*rows)[i][started].toDouble(), (*rows)[i][id]);
    std::sort(order.begin(), order.end());
    for (std::size_t i = 0; i < order.size(); ++i)
        QCOMPARE(order[i].second, i % 2 == 0 ? QStringLiteral("sleep_0.02") : QStringLiteral("sleep_0.03"));
}

void TestCompareCommands::shortRunReadsTheExactPeak()
{
    // `true` ends before the first poll of its memory could see it: only the stop at its exit
    // reads its peak (~1 MiB, the loader and libc). That stop must fall on a measured execution,
    // not on the warm-up (it did, and two runs read 4 KiB).
    QTemporaryDir dir;
    const ProgramRun run = runProgram({"--headless", "--no-history", "--runs", "2", "--warmup", "1", "--output-dir",
                                       dir.path(), "--format", "json", "-c", "true"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QFile file(dir.filePath(QStringLiteral("results.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject workload =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("workloads")).toArray().at(0).toObject();
    const double peak = workload.value(QLatin1String("peak_rss_bytes")).toDouble();
    QVERIFY2(peak > 256 * 1024, qPrintable(QString::number(peak)));
}

void TestCompareCommands::laterRunComparesWithTheFirst()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("history.sqlite"));
    const QStringList args = shortRun(dir.path()) + QStringList{"--db", db, "-c", "true", "-c", "/bin/echo hi"};
    const ProgramRun first = runProgram(args);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QVERIFY2(first.err.contains("No earlier result to compare with"), first.err.constData());
    const ProgramRun second = runProgram(args);
    QVERIFY2(second.exitCode == 0, second.err.constData());
    QVERIFY2(second.err.contains("2 compared"), second.err.constData());
}

void TestCompareCommands::hyperfineScriptsReadOurJson()
{
    const QString python = pythonWith({QStringLiteral("numpy"), QStringLiteral("matplotlib")});
    if (python.isEmpty())
        QSKIP("python3 with numpy and matplotlib is needed (python3-numpy, python3-matplotlib)");
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("hyperfine.json"));
    const QString markdown = dir.filePath(QStringLiteral("hyperfine.md"));
    const QString csv = dir.filePath(QStringLiteral("hyperfine.csv"));
    const ProgramRun run =
        runProgram(shortRun(dir.path())
                   + QStringList{"--no-history", "-c", "sleep {t}", "-L", "t", "0.001,0.002", "--export-json", json,
                                 "--export-markdown", markdown, "--export-csv", csv});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(readText(markdown).startsWith(QStringLiteral("| Command | Mean [ms] |")), qPrintable(readText(markdown)));
    QVERIFY2(readText(csv).startsWith(QStringLiteral("command,mean,stddev,median,user,system,min,max,parameter_t")),
             qPrintable(readText(csv)));

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MPLBACKEND"), QStringLiteral("Agg"));
    env.insert(QStringLiteral("MPLCONFIGDIR"), dir.filePath(QStringLiteral("mpl")));
    auto script = [&](const QString& name, const QStringList& args) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(python, QStringList{kScripts + QLatin1Char('/') + name, json} + args);
        const bool finished = p.waitForFinished(120'000);
        const QByteArray err = p.readAllStandardError();
        if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            qWarning("%s failed: %s", qPrintable(name), err.constData());
        return std::pair{finished && p.exitCode() == 0, QString::fromUtf8(p.readAllStandardOutput())};
    };
    const auto [statsOk, stats] = script(QStringLiteral("advanced_statistics.py"), {"--time-unit", "millisecond"});
    QVERIFY(statsOk);
    QVERIFY2(stats.contains(QStringLiteral("Command 'sleep 0.001'"))
                 && stats.contains(QStringLiteral("Command 'sleep 0.002'")),
             qPrintable(stats));
    QVERIFY2(stats.contains(QRegularExpression(QStringLiteral("runs:\\s+6\\n"))), qPrintable(stats));
    for (const QString& plot : {QStringLiteral("plot_whisker.py"), QStringLiteral("plot_histogram.py")}) {
        const QString png = dir.filePath(plot + QStringLiteral(".png"));
        QVERIFY(script(plot, {"-o", png}).first);
        QVERIFY2(QFileInfo(png).size() > 1000, qPrintable(png));
    }
}

void TestCompareCommands::badCommandIsAnInputError()
{
    QTemporaryDir dir;
    const ProgramRun run = runProgram(shortRun(dir.path()) + QStringList{"--no-history", "-c", "no-such-program-xyz"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--command \"no-such-program-xyz\": no program \"no-such-program-xyz\" in PATH"),
             run.err.constData());
    const ProgramRun quote = runProgram(shortRun(dir.path()) + QStringList{"--no-history", "-c", "echo 'a"});
    QCOMPARE(quote.exitCode, 2);
    QVERIFY2(quote.err.contains("single quote"), quote.err.constData());
}

QTEST_GUILESS_MAIN(TestCompareCommands)
#include "tst_compare_commands.moc"
