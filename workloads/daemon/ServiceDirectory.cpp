#include "ServiceDirectory.h"

#include <mutex>

namespace crucible::workloads::daemon {

bool ServiceDirectory::add(Service& service)
{
    std::unique_lock lock(m_mutex);
    if (!m_byName.emplace(service.name(), &service).second)
        return false;
    for (const std::string& capability : service.capabilities()) {
        std::unique_ptr<Providers>& providers = m_byCapability[capability];
        if (!providers)
            providers = std::make_unique<Providers>();
        providers->services.push_back(&service);
    }
    return true;
}

Service* ServiceDirectory::findByName(std::string_view name) const
{
    std::shared_lock lock(m_mutex);
    const auto it = m_byName.find(name);
    return it != m_byName.end() && it->second->isRunning() ? it->second : nullptr;
}

Service* ServiceDirectory::findProvider(std::string_view capability) const
{
    std::shared_lock lock(m_mutex);
    const auto it = m_byCapability.find(capability);
    if (it == m_byCapability.end())
        return nullptr;
    const Providers& providers = *it->second;
    const std::size_t count = providers.services.size();
    const std::size_t start = providers.next.fetch_add(1, std::memory_order_relaxed);
    for (std::size_t k = 0; k < count; ++k) {
        Service* candidate = providers.services[(start + k) % count];
        if (candidate->isRunning())
            return candidate;
    }
    return nullptr;
}

std::size_t ServiceDirectory::size() const
{
    std::shared_lock lock(m_mutex);
    return m_byName.size();
}

} // namespace crucible::workloads::daemon
