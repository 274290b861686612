#include "SuitePlan.h"

#include "Selection.h"
#include "process/CommandWorkload.h"
#include "process/GbenchWorkload.h"
#include "suite/SuiteFile.h"

#include <QFile>

// Q_INIT_RESOURCE must be used at global scope. The engine is a static library: without this
// reference the linker would drop the object holding the embedded default suite.
static void initEngineResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace crucible {

namespace {

// A built-in under the id the suite gave it ("system.file_write/size=1MiB"), where its factory
// kept its registered id. Everything else passes through.
class RenamedWorkload final : public Workload {
public:
    RenamedWorkload(std::unique_ptr<Workload> inner, WorkloadInfo info)
        : m_inner(std::move(inner)), m_info(std::move(info))
    { }
    const WorkloadInfo& info() const override { return m_info; }
    void setUp(std::stop_token stop) override { m_inner->setUp(std::move(stop)); }
    void tearDown() override { m_inner->tearDown(); }
    void run(std::uint64_t iterations, std::stop_token stop) override { m_inner->run(iterations, std::move(stop)); }
    bool measuresItself() const override { return m_inner->measuresItself(); }
    std::optional<Sample> measureIteration(std::stop_token stop) override
    {
        return m_inner->measureIteration(std::move(stop));
    }
    bool measuresInBulk() const override { return m_inner->measuresInBulk(); }
    std::optional<Samples> measureSamples(const MeasurementSettings& settings, std::stop_token stop) override
    {
        return m_inner->measureSamples(settings, std::move(stop));
    }

private:
    std::unique_ptr<Workload> m_inner;
    WorkloadInfo m_info;
};

} // namespace

QString defaultSuitePath()
{
    return QStringLiteral(":/crucible/default-suite.json");
}

Suite allRegisteredWorkloads(const WorkloadRegistry& registry)
{
    Suite suite;
    suite.name = QStringLiteral("default");
    for (const WorkloadFactory& f : registry.all()) {
        SuiteWorkload w;
        w.info = f.info;
        w.baseId = f.info.id;
        suite.workloads.push_back(std::move(w));
    }
    return suite;
}

LoadedSuite loadSuite(const QString& suiteFile, const WorkloadRegistry& registry)
{
    LoadedSuite loaded;
    if (!suiteFile.isEmpty()) {
        SuiteParse parse = readSuiteFile(suiteFile, registry);
        loaded.suite = std::move(parse.suite);
        loaded.error = parse.error;
        return loaded;
    }
    static const bool resourcesReady = (initEngineResources(), true);
    Q_UNUSED(resourcesReady);
    if (!QFile::exists(defaultSuitePath())) {
        loaded.suite = allRegisteredWorkloads(registry);
        loaded.notice =
            QStringLiteral("this build has no built-in default suite (%1); running every registered workload")
                .arg(defaultSuitePath());
        return loaded;
    }
    SuiteParse parse = readSuiteFile(defaultSuitePath(), registry);
    loaded.suite = std::move(parse.suite);
    loaded.error = parse.error;
    loaded.inputError = false; // the user did not write it: a broken default suite is our bug
    return loaded;
}

MeasurementSettings effectiveSettings(const CommandLineOptions& options, const SuiteDefaults& defaults)
{
    MeasurementSettings s = options.settings;
    if (options.quickCheck)
        return s; // already the quick-check settings with any explicit flag applied on top
    if (!options.warmUpGiven && defaults.warmUpSeconds)
        s.warmUpSeconds = *defaults.warmUpSeconds;
    if (!options.measurementGiven && defaults.measurementSeconds)
        s.measurementSeconds = *defaults.measurementSeconds;
    if (!options.sampleSizeGiven && defaults.samples)
        s.sampleCount = *defaults.samples;
    if (!options.roundsGiven && defaults.rounds)
        s.rounds = *defaults.rounds;
    return s;
}

std::vector<const SuiteWorkload*> selectSuiteWorkloads(const Suite& suite, const QStringList& filters)
{
    std::vector<const SuiteWorkload*> selected;
    for (const SuiteWorkload& w : suite.workloads)
        if (matchesFilters(w.info, filters))
            selected.push_back(&w);
    return selected;
}

std::unique_ptr<Workload> instantiate(const SuiteWorkload& w, const WorkloadRegistry& registry)
{
    if (w.kind == SuiteWorkload::Kind::Command) {
        auto command = std::make_unique<CommandWorkload>(w.info, w.command, w.prepare, w.cleanup);
        command->setPrepareEachRun(w.prepareEachRun);
        return command;
    }
    if (w.kind == SuiteWorkload::Kind::Gbench)
        return std::make_unique<GbenchWorkload>(w.info, w.command, w.gbenchName);
    const WorkloadFactory* factory = registry.find(w.baseId);
    Q_ASSERT_X(factory, "instantiate", "a validated suite names registered built-ins only");
    std::unique_ptr<Workload> workload = factory->create(w.info.parameters);
    if (workload->info().id == w.info.id)
        return workload;
    WorkloadInfo info = workload->info();
    info.id = w.info.id;
    info.parameters = w.info.parameters;
    return std::make_unique<RenamedWorkload>(std::move(workload), std::move(info));
}

Expected<SessionPlan> makeSessionPlan(const Suite& suite, const std::vector<const SuiteWorkload*>& selected,
                                      const WorkloadRegistry& registry, const CommandLineOptions& options)
{
    return makeSessionPlan(suite, selected, registry, effectiveSettings(options, suite.defaults), options.quickCheck);
}

Expected<SessionPlan> makeSessionPlan(const Suite& suite, const std::vector<const SuiteWorkload*>& selected,
                                      const WorkloadRegistry& registry, const MeasurementSettings& settings,
                                      bool quickCheck)
{
    SessionPlan plan;
    plan.suiteName = suite.name;
    plan.settings = settings;
    plan.quickCheck = quickCheck;
    plan.interleaved = suite.interleaved;
    for (const SuiteWorkload* w : selected) {
        try {
            plan.workloads.push_back(instantiate(*w, registry));
        } catch (const std::exception& e) {
            const QString file = suite.fileName.isEmpty() ? suite.name : suite.fileName;
            return Error::input(QStringLiteral("%1: %2: %3").arg(file, w->info.id, QString::fromLocal8Bit(e.what())));
        }
    }
    return plan;
}

} // namespace crucible
