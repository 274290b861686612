#include "RegistryLookup.h"

#include "DoNotOptimize.h"
#include "ScriptWorkloadInfo.h"
#include "ToolRegistry.h"

#include <array>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace crucible::workloads::script_engine {

namespace {

// 10 namespaces x 20 verbs = 200 tools, named as a tool host's tools are ("git.status").
constexpr std::array kNamespaces = {"fs", "git", "http", "db", "shell", "search", "calendar", "mail", "docs", "issues"};
constexpr std::array kVerbs = {"list",  "get",  "create", "update", "delete",    "search",  "status",
                               "diff",  "open", "close",  "read",   "write",     "move",    "copy",
                               "watch", "sync", "export", "import", "summarize", "validate"};
constexpr std::size_t kRequests = 256; // a power of two: the request index is masked

// Each registered tool is a real compiled tool, small but distinct, so that the registry
// holds 200 different functions as a host's would.
QString generatedTool(const QString& name, std::size_t index)
{
    return QStringLiteral("(function (api) {\n"
                          "    \"use strict\";\n"
                          "    return {\n"
                          "        name: \"%1\",\n"
                          "        run: function (args) { return api.format(\"%1 #%2: {target}\", args); },\n"
                          "    };\n"
                          "})\n")
        .arg(name)
        .arg(index);
}

// One lookup per iteration: a tool name as a request carries it (a string of its own, not
// the registry's key) resolved to the registered tool's compiled function.
class RegistryLookup final : public BasicWorkload {
public:
    using BasicWorkload::BasicWorkload;

    void setUp(std::stop_token) override
    {
        m_vm = std::make_unique<ScriptVm>();
        std::vector<std::string> names;
        for (const char* ns : kNamespaces)
            for (const char* verb : kVerbs)
                names.push_back(std::string(ns) + '.' + verb);
        for (std::size_t i = 0; i < names.size(); ++i) {
            const QString name = QString::fromStdString(names[i]);
            m_registry.add(m_vm->load(generatedTool(name, i), QStringLiteral("generated/%1.js").arg(name)));
        }
        // Requests in a scrambled order, decoded into fresh strings as a request parser makes.
        m_requests.clear();
        for (std::size_t i = 0; i < kRequests; ++i)
            m_requests.push_back(QString::fromUtf8(names[(i * 73 + 11) % names.size()]));
        for (const QString& request : m_requests)
            if (!m_registry.find(request))
                throw std::runtime_error("tool " + request.toStdString() + " is not registered");
        m_next = 0;
    }

    void tearDown() override
    {
        m_registry.clear();
        m_vm.reset();
    }

    void run(std::uint64_t iterations, std::stop_token stop) override
    {
        for (std::uint64_t i = 0; i < iterations; ++i) {
            if ((i & 1023u) == 0 && stop.stop_requested())
                return;
            const Tool* tool = m_registry.find(m_requests[m_next++ & (kRequests - 1)]);
            doNotOptimize(tool);
        }
    }

private:
    std::unique_ptr<ScriptVm> m_vm;
    ToolRegistry m_registry;
    std::vector<QString> m_requests;
    std::size_t m_next = 0;
};

} // namespace

void registerRegistryLookup(WorkloadRegistry& registry)
{
    registry.add<RegistryLookup>(scriptEngineInfo(
        "registry_lookup", "lookup",
        QStringLiteral("Looks up a tool by name among %1 registered JavaScript tools and gets its compiled "
                       "function, as a host does for each request")
            .arg(kNamespaces.size() * kVerbs.size())));
}

} // namespace crucible::workloads::script_engine
