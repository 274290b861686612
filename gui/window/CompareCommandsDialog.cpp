#include "CompareCommandsDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace crucible::gui {

namespace {
const QString kLastCommands = QStringLiteral("compareCommands/commands");
} // namespace

CompareCommandsDialog::CompareCommandsDialog(QWidget* parent)
    : QDialog(parent), m_commands(new QPlainTextEdit(this)), m_shell(new QLineEdit(this)), m_runs(new QSpinBox(this))
{
    setWindowTitle(tr("Compare commands"));
    m_commands->setPlaceholderText(tr("One command per line, e.g.\nsleep 0.02\nsleep 0.03"));
    m_commands->setPlainText(QSettings().value(kLastCommands).toString());
    m_shell->setPlaceholderText(tr("none: split into words as a shell would, nothing expanded"));
    m_runs->setRange(1, 100'000);
    m_runs->setValue(50);

    auto* form = new QFormLayout;
    form->addRow(tr("&Shell:"), m_shell);
    form->addRow(tr("&Runs of each:"), m_runs);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Compare"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        QSettings().setValue(kLastCommands, m_commands->toPlainText());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_commands);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(520, 320);
}

Expected<CommandLineCommands> CompareCommandsDialog::commands() const
{
    CommandLineCommands c;
    for (const QString& line : m_commands->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            c.commands << line.trimmed();
    if (c.commands.isEmpty())
        return Error::usage(tr("No command to compare: write one per line."));
    if (!m_shell->text().trimmed().isEmpty()) {
        Expected<QStringList> shell = shellArgv(m_shell->text());
        if (!shell)
            return shell.error().prefixed(tr("Shell: "));
        c.shell = std::move(*shell);
    }
    return c;
}

int CompareCommandsDialog::runs() const
{
    return m_runs->value();
}

} // namespace crucible::gui
