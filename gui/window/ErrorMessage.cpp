#include "ErrorMessage.h"

#include <QMessageBox>

namespace crucible::gui {

void showError(QWidget* parent, const QString& title, const QString& message)
{
    QMessageBox::warning(parent, title, message);
}

} // namespace crucible::gui
