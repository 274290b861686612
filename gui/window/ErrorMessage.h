#pragma once

#include <QString>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace crucible::gui {

// How the window says that what the user asked for failed: a warning over `parent`, titled with
// what failed ("Export failed"), the message naming the file or key. The one way the window
// interrupts the user with an error; what runs in the background reports in the status bar.
void showError(QWidget* parent, const QString& title, const QString& message);

} // namespace crucible::gui
