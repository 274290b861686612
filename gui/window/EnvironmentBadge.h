#pragma once

#include "RunEnvironment.h"

#include <QToolButton>

namespace crucible::gui {

// The status bar's "⚠ 3 environment warnings" for the shown run: hidden when its environment
// has no warning (or was not recorded). The tooltip lists the warnings and every fact; a click
// shows the same at once, for those who do not hover.
class EnvironmentBadge : public QToolButton {
    Q_OBJECT
public:
    explicit EnvironmentBadge(QWidget* parent = nullptr);

    void setEnvironment(const RunEnvironment& env);

    // The tooltip's HTML: the warnings, then a table of the facts.
    static QString describe(const RunEnvironment& env);
};

} // namespace crucible::gui
