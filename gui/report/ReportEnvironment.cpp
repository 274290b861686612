#include "ReportEnvironment.h"

#include "export/EnvironmentText.h"

namespace crucible::report {

void appendEnvironmentSection(ReportDocument& doc, const RunEnvironment& env)
{
    const std::vector<EnvironmentFact> facts = environmentFactsCompact(env);
    const bool nothingKnown =
        env.warnings.empty() && !env.virtualization && env.cpuModel.isEmpty() && env.buildType.isEmpty();
    if (nothingKnown)
        return;
    doc.blocks.emplace_back(TextBlock{TextRole::Heading, QStringLiteral("Environment")});
    if (env.warnings.empty())
        doc.blocks.emplace_back(
            TextBlock{TextRole::Caption, QStringLiteral("Nothing known to make these timings unstable.")});
    for (const EnvironmentWarning& w : env.warnings)
        doc.blocks.emplace_back(TextBlock{TextRole::Warning, QStringLiteral("⚠ %1").arg(w.message)});
    KeyValueBlock kv;
    for (const EnvironmentFact& f : facts)
        kv.rows.emplace_back(f.label, f.value);
    doc.blocks.emplace_back(std::move(kv));
}

} // namespace crucible::report
