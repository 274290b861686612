#include "EnvironmentText.h"

#include "MarkdownCell.h"

namespace crucible {

namespace {

const QString kUnknown = QStringLiteral("unknown");

QString onOff(const std::optional<bool>& value, const QString& on, const QString& off)
{
    return value ? (*value ? on : off) : kUnknown;
}

QString cpuList(const std::optional<QString>& list)
{
    return list ? (list->isEmpty() ? QStringLiteral("none") : *list) : kUnknown;
}

QString loadText(const std::optional<LoadAverage>& load)
{
    if (!load)
        return kUnknown;
    return QStringLiteral("%1 %2 %3")
        .arg(load->one, 0, 'f', 2)
        .arg(load->five, 0, 'f', 2)
        .arg(load->fifteen, 0, 'f', 2);
}

QString frequency(const RunEnvironment& e)
{
    QStringList parts;
    if (e.scalingMinKhz)
        parts << QStringLiteral("min %1").arg(formatFrequencyKhz(*e.scalingMinKhz));
    if (e.scalingMaxKhz)
        parts << QStringLiteral("max %1").arg(formatFrequencyKhz(*e.scalingMaxKhz));
    if (e.currentKhz)
        parts << QStringLiteral("now %1").arg(formatFrequencyKhz(*e.currentKhz));
    return parts.isEmpty() ? QStringLiteral("unknown (no cpufreq)") : parts.join(QStringLiteral(", "));
}

QString aslr(const RunEnvironment& e)
{
    if (!e.aslr)
        return kUnknown;
    static const char* const kNames[] = {"off", "conservative", "full"};
    QString text = *e.aslr >= 0 && *e.aslr <= 2
        ? QStringLiteral("%1 (%2)").arg(*e.aslr).arg(QLatin1String(kNames[*e.aslr]))
        : QString::number(*e.aslr);
    if (e.aslrOffForProcess == true)
        text += QStringLiteral(", off for this process");
    return text;
}

QString during(const RunEnvironment& e)
{
    if (!e.sampledSeconds)
        return kUnknown;
    QStringList parts;
    if (e.runnableMean)
        parts << QStringLiteral("runnable tasks %1 on average, at most %2 (%3 samples, the sampler included)")
                     .arg(*e.runnableMean, 0, 'f', 1)
                     .arg(e.runnableMax.value_or(0))
                     .arg(e.runnableSamples);
    if (e.othersCpu)
        parts << QStringLiteral("other processes %1 CPUs").arg(*e.othersCpu, 0, 'f', 2);
    parts << QStringLiteral("steal %1").arg(e.stealPct ? QStringLiteral("%1%").arg(*e.stealPct, 0, 'f', 2) : kUnknown);
    parts << QStringLiteral("load average at the end %1").arg(loadText(e.loadAfter));
    return parts.join(QStringLiteral("; "));
}

QString build(const RunEnvironment& e)
{
    if (e.buildType.isEmpty() && !e.optimized)
        return kUnknown;
    return QStringLiteral("%1, %2, assertions %3")
        .arg(e.buildType.isEmpty() ? kUnknown : e.buildType,
             onOff(e.optimized, QStringLiteral("optimized"), QStringLiteral("not optimized")),
             onOff(e.assertions, QStringLiteral("on"), QStringLiteral("off")));
}

} // namespace

std::vector<EnvironmentFact> environmentFacts(const RunEnvironment& e)
{
    std::vector<EnvironmentFact> facts{
        {QStringLiteral("Virtualization"), e.virtualization.value_or(kUnknown)},
        {QStringLiteral("CPU"), e.cpuModel.isEmpty() ? kUnknown : e.cpuModel},
        {QStringLiteral("Governor"),
         e.governors.isEmpty() ? QStringLiteral("unknown (no cpufreq)") : e.governors.join(QStringLiteral(", "))},
        {QStringLiteral("Frequency"), frequency(e)},
        {QStringLiteral("Turbo"), onOff(e.turbo, QStringLiteral("on"), QStringLiteral("off"))},
        {QStringLiteral("SMT"),
         onOff(e.smtActive, QStringLiteral("active"), QStringLiteral("inactive"))
             + (e.smtControl.isEmpty() ? QString() : QStringLiteral(" (control: %1)").arg(e.smtControl))},
        {QStringLiteral("ASLR"), aslr(e)},
        {QStringLiteral("perf_event_paranoid"), e.perfEventParanoid ? QString::number(*e.perfEventParanoid) : kUnknown},
        {QStringLiteral("Isolated CPUs"),
         QStringLiteral("%1 (nohz_full: %2)").arg(cpuList(e.isolatedCpus), cpuList(e.nohzFullCpus))},
        {QStringLiteral("Power"), onOff(e.onAcPower, QStringLiteral("mains"), QStringLiteral("battery"))},
        {QStringLiteral("Load before"),
         loadText(e.loadBefore)
             + (e.runnableBefore ? QStringLiteral(", %1 runnable").arg(*e.runnableBefore) : QString())},
        {QStringLiteral("During the run"), during(e)},
        {QStringLiteral("Build"), build(e)},
    };
    for (const GbenchLibrary& lib : e.gbenchLibraries)
        facts.push_back(
            {QStringLiteral("Google Benchmark library"), QStringLiteral("%1 (%2)").arg(lib.buildType, lib.executable)});
    return facts;
}

std::vector<EnvironmentFact> environmentFactsCompact(const RunEnvironment& env)
{
    static const std::pair<const char*, QStringList> kGroups[] = {
        {"Machine", {QStringLiteral("Virtualization"), QStringLiteral("CPU"), QStringLiteral("Power")}},
        {"Frequency", {QStringLiteral("Governor"), QStringLiteral("Frequency"), QStringLiteral("Turbo")}},
        {"Scheduling",
         {QStringLiteral("SMT"), QStringLiteral("ASLR"), QStringLiteral("Isolated CPUs"),
          QStringLiteral("perf_event_paranoid")}},
        {"Load", {QStringLiteral("Load before"), QStringLiteral("During the run")}},
        {"Build", {QStringLiteral("Build"), QStringLiteral("Google Benchmark library")}},
    };
    const std::vector<EnvironmentFact> facts = environmentFacts(env);
    std::vector<EnvironmentFact> compact;
    for (const auto& [group, labels] : kGroups) {
        QStringList parts;
        for (const EnvironmentFact& f : facts)
            if (labels.contains(f.label))
                parts << (f.label == QLatin1String(group) ? f.value : QStringLiteral("%1: %2").arg(f.label, f.value));
        compact.push_back({QString::fromLatin1(group), parts.join(QStringLiteral(" · "))});
    }
    return compact;
}

QString environmentMarkdown(const RunEnvironment& env)
{
    const std::vector<EnvironmentFact> facts = environmentFacts(env);
    const bool nothingKnown =
        env.warnings.empty() && !env.virtualization && env.cpuModel.isEmpty() && env.buildType.isEmpty();
    if (nothingKnown)
        return {};
    QString md = QStringLiteral("\n### Environment\n\n");
    if (env.warnings.empty())
        md += QStringLiteral("Nothing known to make these timings unstable.\n\n");
    for (const EnvironmentWarning& w : env.warnings)
        md += QStringLiteral("- ⚠ **%1**: %2\n").arg(w.key, w.message);
    if (!env.warnings.empty())
        md += QLatin1Char('\n');
    md += QStringLiteral("| | |\n|---|---|\n");
    for (const EnvironmentFact& f : facts)
        md += QStringLiteral("| %1 | %2 |\n").arg(markdownCell(f.label), markdownCell(f.value));
    return md;
}

QString environmentWarningCount(const RunEnvironment& env)
{
    const std::size_t n = env.warnings.size();
    if (n == 0)
        return {};
    return n == 1 ? QStringLiteral("1 environment warning") : QStringLiteral("%1 environment warnings").arg(n);
}

} // namespace crucible
