#pragma once

#include "ToolCore.h"

#include <QString>

#include <memory>
#include <string_view>

// The "old way" of executing a tool, as the framework this project grew out of did it: a facade
// in front of a service, a repository and an adapter, each behind a virtual interface, with the
// arguments and the result marshalled through QString-keyed QVariantMaps. It has its own
// translation unit, as such layers do in a real code base, so the compiler cannot flatten them
// into the benchmark loop.
namespace crucible::workloads::architecture {

class ToolService;

class ToolFacade {
public:
    // Wires the default stack: service -> repository -> adapters around the text tools.
    ToolFacade();
    ~ToolFacade();
    ToolFacade(const ToolFacade&) = delete;
    ToolFacade& operator=(const ToolFacade&) = delete;

    // Runs the named tool on `input`; an unknown tool or a failed call yields an empty result.
    ToolResult run(const QString& toolName, std::string_view input);

private:
    std::unique_ptr<ToolService> m_service;
};

} // namespace crucible::workloads::architecture
