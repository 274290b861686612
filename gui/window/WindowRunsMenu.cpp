#include "WindowRunsMenu.h"

namespace crucible::gui {

namespace {
const QString kPlaceholder = QStringLiteral("placeholder");
}

WindowRunsMenu::WindowRunsMenu(QWidget* parent) : QMenu(tr("&Window runs"), parent)
{
    setRuns({});
}

void WindowRunsMenu::setRuns(const QStringList& labels)
{
    clear();
    for (int i = int(labels.size()) - 1; i >= 0; --i)
        addAction(labels[i], this, [this, i] { Q_EMIT runChosen(i); });
    if (labels.isEmpty()) {
        // Said, not greyed out: an empty menu beside a History tab full of runs puzzles.
        addAction(tr("No run in this window yet"))->setData(kPlaceholder);
    }
    addSeparator();
    addAction(tr("Runs in the history store…"), this, &WindowRunsMenu::storeRunsChosen);
    enableActions();
}

void WindowRunsMenu::setRunning(bool running)
{
    m_running = running;
    enableActions();
}

void WindowRunsMenu::enableActions()
{
    // The placeholder only informs.
    for (QAction* action : actions())
        action->setEnabled(!m_running && action->data().toString() != kPlaceholder);
}

} // namespace crucible::gui
