#pragma once

#include "MainWindow.h"
#include "RunController.h"
#include "WorkloadTree.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>

// What the window tests share.

// Settings in the test run's own folder: another run of the same test (another build) at the
// same time must not rewrite them under it.
inline void keepSettingsIn(const QString& dir)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir);
}

// Checks `ids` in the window's tree and runs them as a quick check, to the end.
inline bool runToEnd(crucible::gui::MainWindow* window, const QStringList& ids)
{
    window->workloadTree()->setCheckedIds(ids);
    QSignalSpy finished(window->controller(), &crucible::gui::RunController::runFinished);
    if (!window->startRun(true))
        return false;
    return finished.wait(60'000);
}
