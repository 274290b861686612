#pragma once

#include "Service.h"

#include <atomic>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crucible::workloads::daemon {

// Discovery: services by unique name, and providers by capability. Only running services are
// found, so callers never get a service that is starting, stopping or failed.
class ServiceDirectory {
public:
    // Registers `service` under its name and capabilities; false when the name is taken.
    bool add(Service& service);

    // The running service called `name`, or nullptr.
    Service* findByName(std::string_view name) const;
    // A running provider of `capability`, taken in turn among the running ones so that
    // callers spread over providers; nullptr when none runs.
    Service* findProvider(std::string_view capability) const;
    std::size_t size() const;

private:
    // Lookups by std::string_view, without building a std::string per query.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    struct Providers {
        std::vector<Service*> services;
        mutable std::atomic<std::size_t> next{0}; // round-robin cursor, advanced by lookups
    };

    mutable std::shared_mutex m_mutex;
    std::unordered_map<std::string, Service*, Hash, std::equal_to<>> m_byName;
    std::unordered_map<std::string, std::unique_ptr<Providers>, Hash, std::equal_to<>> m_byCapability;
};

} // namespace crucible::workloads::daemon
