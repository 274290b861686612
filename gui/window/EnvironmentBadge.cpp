#include "EnvironmentBadge.h"

#include "EnvironmentText.h"

#include <QToolTip>

namespace crucible::gui {

EnvironmentBadge::EnvironmentBadge(QWidget* parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("environmentBadge"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setStyleSheet(QStringLiteral("QToolButton { color: #b35c00; font-weight: bold; }"));
    setVisible(false);
    connect(this, &QToolButton::clicked, this,
            [this] { QToolTip::showText(mapToGlobal(QPoint(0, 0)), toolTip(), this); });
}

void EnvironmentBadge::setEnvironment(const RunEnvironment& env)
{
    const QString count = environmentWarningCount(env);
    setText(count.isEmpty() ? QString() : QStringLiteral("⚠ %1").arg(count));
    setToolTip(count.isEmpty() ? QString() : describe(env));
    setVisible(!count.isEmpty());
}

QString EnvironmentBadge::describe(const RunEnvironment& env)
{
    QString html = QStringLiteral("<b>What may make this run's timings unstable</b><ul>");
    for (const EnvironmentWarning& w : env.warnings)
        html += QStringLiteral("<li>%1 <i>(%2)</i></li>").arg(w.message.toHtmlEscaped(), w.key);
    html += QStringLiteral("</ul><table>");
    for (const EnvironmentFact& f : environmentFacts(env))
        html += QStringLiteral("<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>").arg(f.label.toHtmlEscaped(), f.value.toHtmlEscaped());
    return html + QStringLiteral("</table>");
}

} // namespace crucible::gui
