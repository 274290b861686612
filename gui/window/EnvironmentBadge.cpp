#include "EnvironmentBadge.h"

#include "export/EnvironmentText.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace crucible::gui {

EnvironmentBadge::EnvironmentBadge(QWidget* parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("environmentBadge"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setStyleSheet(QStringLiteral("QToolButton { color: #b35c00; font-weight: bold; }"));
    setVisible(false);
    connect(this, &QToolButton::clicked, this, &EnvironmentBadge::showDetails);
}

void EnvironmentBadge::showDetails()
{
    // Not modal: the run's results stay usable beside it.
    if (!m_details) {
        m_details = new QDialog(window());
        m_details->setObjectName(QStringLiteral("environmentDetails"));
        m_details->setWindowTitle(tr("Environment of this run"));
        auto* layout = new QVBoxLayout(m_details);
        m_detailsText = new QTextBrowser;
        layout->addWidget(m_detailsText);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
        connect(buttons, &QDialogButtonBox::rejected, m_details, &QDialog::close);
        layout->addWidget(buttons);
        m_details->resize(640, 480);
    }
    m_detailsText->setHtml(toolTip());
    m_details->show();
    m_details->raise();
}

void EnvironmentBadge::setEnvironment(const RunEnvironment& env)
{
    const QString count = environmentWarningCount(env);
    setText(count.isEmpty() ? QString() : QStringLiteral("⚠ %1").arg(count));
    setToolTip(count.isEmpty() ? QString() : describe(env));
    setVisible(!count.isEmpty());
    if (m_details && m_details->isVisible()) {
        if (count.isEmpty())
            m_details->close();
        else
            m_detailsText->setHtml(toolTip());
    }
}

QString EnvironmentBadge::describe(const RunEnvironment& env)
{
    QString html = QStringLiteral("<b>What may make this run's timings unstable</b><ul>");
    for (const EnvironmentWarning& w : env.warnings)
        html += QStringLiteral("<li>%1 <i>(%2)</i></li>").arg(w.message.toHtmlEscaped(), w.key);
    html += QStringLiteral("</ul><table>");
    for (const EnvironmentFact& f : environmentFacts(env))
        html += QStringLiteral("<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>")
                    .arg(f.label.toHtmlEscaped(), f.value.toHtmlEscaped());
    return html + QStringLiteral("</table>");
}

} // namespace crucible::gui
