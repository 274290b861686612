#pragma once

#include "RunEnvironment.h"

#include <QToolButton>

QT_BEGIN_NAMESPACE
class QDialog;
class QTextBrowser;
QT_END_NAMESPACE

namespace crucible::gui {

// The status bar's "⚠ 3 environment warnings" for the shown run: hidden when its environment
// has no warning (or was not recorded). The tooltip lists the warnings and every fact; a click
// opens the same in a window that stays, for those who do not hover or want to read it longer.
class EnvironmentBadge : public QToolButton {
    Q_OBJECT
public:
    explicit EnvironmentBadge(QWidget* parent = nullptr);

    void setEnvironment(const RunEnvironment& env);

    // The tooltip's HTML: the warnings, then a table of the facts.
    static QString describe(const RunEnvironment& env);

    void showDetails();

private:
    QDialog* m_details = nullptr;
    QTextBrowser* m_detailsText = nullptr;
};

} // namespace crucible::gui
