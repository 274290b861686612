#pragma once

#include <QMenu>

namespace crucible::gui {

// Window runs: the runs made in this window, newest first, to show again, and the way to the
// store's runs, which are in the History tab.
class WindowRunsMenu : public QMenu {
    Q_OBJECT
public:
    explicit WindowRunsMenu(QWidget* parent = nullptr);

    // The window's runs by their labels, oldest first.
    void setRuns(const QStringList& labels);
    // While a run measures, the shown run stays the one going on.
    void setRunning(bool running);

Q_SIGNALS:
    void runChosen(int index);
    void storeRunsChosen();

private:
    void enableActions();

    bool m_running = false;
};

} // namespace crucible::gui
