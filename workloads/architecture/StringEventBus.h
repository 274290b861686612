#pragma once

#include <QHash>
#include <QString>
#include <QVariantMap>

#include <functional>
#include <vector>

// The "old way" event bus: topics are strings looked up in a hash at every publish, payloads
// are QVariantMaps that the publisher fills and every handler picks apart by key. Flexible
// (anything can publish anything) and paid for on every event. Its own translation unit, like
// the shared bus it stands for.
namespace crucible::workloads::architecture {

class StringEventBus {
public:
    using Handler = std::function<void(const QVariantMap& payload)>;

    void subscribe(const QString& topic, Handler handler);
    // Calls every handler of `topic` in subscription order; a topic nobody listens to is a no-op.
    void publish(const QString& topic, const QVariantMap& payload) const;

private:
    QHash<QString, std::vector<Handler>> m_handlers;
};

} // namespace crucible::workloads::architecture
