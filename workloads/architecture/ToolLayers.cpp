#include "ToolLayers.h"

#include <QByteArray>
#include <QHash>
#include <QVariantMap>

#include <functional>

namespace crucible::workloads::architecture {

// Service layer: validates the request, then hands it to a std::function pipeline (the hook
// point where such services insert logging, metrics or permission checks) that dispatches.
class ToolService {
public:
    virtual ~ToolService() = default;
    virtual QVariantMap execute(const QString& name, const QVariantMap& arguments) = 0;
};

namespace {

// Adapter layer: turns the generic argument map into a typed call of the tool function and its
// typed result back into a map, so that every tool looks the same to the layers above.
class ToolAdapter {
public:
    virtual ~ToolAdapter() = default;
    virtual QVariantMap invoke(const QVariantMap& arguments) const = 0;
};

class TextToolAdapter final : public ToolAdapter {
public:
    using Function = std::function<ToolResult(std::string_view)>;
    explicit TextToolAdapter(Function function) : m_function(std::move(function)) { }

    QVariantMap invoke(const QVariantMap& arguments) const override
    {
        const QByteArray text = arguments.value(QStringLiteral("input")).toString().toUtf8();
        const ToolResult result = m_function(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        QVariantMap output;
        output.insert(QStringLiteral("words"), result.words);
        output.insert(QStringLiteral("lines"), result.lines);
        output.insert(QStringLiteral("checksum"), result.checksum);
        return output;
    }

private:
    Function m_function;
};

// Repository layer: where tools are found by name.
class ToolRepository {
public:
    virtual ~ToolRepository() = default;
    virtual std::shared_ptr<const ToolAdapter> find(const QString& name) const = 0;
};

class InMemoryToolRepository final : public ToolRepository {
public:
    void add(const QString& name, std::shared_ptr<const ToolAdapter> tool) { m_tools.insert(name, std::move(tool)); }

    std::shared_ptr<const ToolAdapter> find(const QString& name) const override { return m_tools.value(name); }

private:
    QHash<QString, std::shared_ptr<const ToolAdapter>> m_tools;
};

class DefaultToolService final : public ToolService {
public:
    explicit DefaultToolService(std::shared_ptr<const ToolRepository> repository)
        : m_repository(std::move(repository)),
          m_pipeline([this](const QString& name, const QVariantMap& arguments) { return dispatch(name, arguments); })
    { }

    QVariantMap execute(const QString& name, const QVariantMap& arguments) override
    {
        if (!arguments.contains(QStringLiteral("input")))
            return {{QStringLiteral("error"), QStringLiteral("missing argument 'input'")}};
        return m_pipeline(name, arguments);
    }

private:
    QVariantMap dispatch(const QString& name, const QVariantMap& arguments) const
    {
        const std::shared_ptr<const ToolAdapter> tool = m_repository->find(name);
        if (!tool)
            return {{QStringLiteral("error"), QStringLiteral("unknown tool '%1'").arg(name)}};
        return tool->invoke(arguments);
    }

    std::shared_ptr<const ToolRepository> m_repository;
    std::function<QVariantMap(const QString&, const QVariantMap&)> m_pipeline;
};

ToolResult lengthOnly(std::string_view text)
{
    return ToolResult{static_cast<std::uint32_t>(text.size()), 0, 0};
}

} // namespace

ToolFacade::ToolFacade()
{
    // A few tools besides the measured one, so that the lookup searches a populated table.
    auto repository = std::make_shared<InMemoryToolRepository>();
    repository->add(QStringLiteral("text.wc"), std::make_shared<TextToolAdapter>(countAndChecksum));
    repository->add(QStringLiteral("text.length"), std::make_shared<TextToolAdapter>(lengthOnly));
    for (int i = 0; i < 14; ++i)
        repository->add(QStringLiteral("text.wc.v%1").arg(i), std::make_shared<TextToolAdapter>(countAndChecksum));
    m_service = std::make_unique<DefaultToolService>(std::move(repository));
}

ToolFacade::~ToolFacade() = default;

ToolResult ToolFacade::run(const QString& toolName, std::string_view input)
{
    QVariantMap arguments;
    arguments.insert(QStringLiteral("input"), QString::fromUtf8(input.data(), static_cast<qsizetype>(input.size())));
    const QVariantMap output = m_service->execute(toolName, arguments);

    ToolResult result;
    result.words = output.value(QStringLiteral("words")).toUInt();
    result.lines = output.value(QStringLiteral("lines")).toUInt();
    result.checksum = output.value(QStringLiteral("checksum")).toUInt();
    return result;
}

} // namespace crucible::workloads::architecture
