#pragma once

#include "cli/CommandFlags.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
QT_END_NAMESPACE

namespace crucible::gui {

// File ▸ Compare commands…: the commands to measure interleaved and compare, one per line, as
// --command takes them (SPEC.md "Commands from the command line"), with the shell and the
// number of runs. The window turns them into a suite with commandLineSuite().
class CompareCommandsDialog : public QDialog {
    Q_OBJECT
public:
    explicit CompareCommandsDialog(QWidget* parent = nullptr);

    // The non-empty lines, the shell split into words (none for "none" or nothing). The error
    // names the shell when it does not split.
    Expected<CommandLineCommands> commands() const;
    int runs() const;

    QPlainTextEdit* commandsEdit() const { return m_commands; }
    QLineEdit* shellEdit() const { return m_shell; }
    QSpinBox* runsBox() const { return m_runs; }

private:
    QPlainTextEdit* m_commands;
    QLineEdit* m_shell;
    QSpinBox* m_runs;
};

} // namespace crucible::gui
