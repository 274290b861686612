#include "EmptyState.h"

#include <QLabel>

namespace crucible::gui {

EmptyState::EmptyState(QWidget* content, const QString& hint, QWidget* parent)
    : QStackedWidget(parent), m_hint(new QLabel(hint))
{
    m_hint->setObjectName(QStringLiteral("emptyHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    addWidget(m_hint);
    addWidget(content);
}

void EmptyState::setHint(const QString& hint)
{
    m_hint->setText(hint);
}

QString EmptyState::hint() const
{
    return m_hint->text();
}

void EmptyState::showHint()
{
    setCurrentWidget(m_hint);
}

void EmptyState::showContent()
{
    setCurrentIndex(1);
}

bool EmptyState::showsHint() const
{
    return currentWidget() == m_hint;
}

} // namespace crucible::gui
