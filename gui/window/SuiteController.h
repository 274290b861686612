#pragma once

#include "Expected.h"

#include <QObject>

QT_BEGIN_NAMESPACE
class QAction;
class QMenu;
class QWidget;
QT_END_NAMESPACE

namespace crucible {
struct CommandLineCommands;
struct CommandLineOptions;
struct Suite;
struct SuiteDefaults;
} // namespace crucible

namespace crucible::gui {

class RunController;
class WorkloadTree;

// The suite the tree shows and runs use: a suite file (SPEC.md "Suite file") opened with
// File ▸ Open suite…, File ▸ Recent suites or --suite, or the built-in default suite. The last
// one opened is opened again at the next start. Not while a run goes on.
class SuiteController : public QObject {
    Q_OBJECT
public:
    // Puts the suite's workloads in `tree` and names the suite in `window`'s title; dialogs
    // open over `window`.
    SuiteController(RunController* controller, WorkloadTree* tree, QWidget* window);

    // File ▸ Open suite… (Ctrl+O) and File ▸ Recent suites.
    void addActionsTo(QMenu* file);

    // Opens a suite file, or the built-in default suite for an empty path. A file that cannot
    // be read or is invalid leaves the current suite in place, and the error names the file and
    // the key; the status bar says it, the caller shows it (the menus do with showError()). A
    // file opened becomes the last suite and heads Recent suites; `takeDefaults` offers its
    // defaults (samples, warm-up and measurement time) to the tool bar.
    Expected<void> open(const QString& path, bool takeDefaults = true);
    // At start: the last suite, else the built-in default suite, saying why the last one was
    // not reopened.
    void restore();
    // --suite and the FILTER words (checked in the tree); a bad suite file is reported once the
    // window is shown. False when --suite could not be opened.
    bool applyCommandLine(const CommandLineOptions& options);
    // Commands to compare (File ▸ Compare commands…, --command): their suite
    // (commandLineSuite()) replaces the one shown, not remembered as the last suite. The error
    // names the command or file at fault; the current suite then stays.
    Expected<void> useCommands(const CommandLineCommands& commands);
    // The file of the suite shown; empty for the built-in default suite or commands.
    QString file() const { return m_file; }

Q_SIGNALS:
    // The tree shows another suite's workloads, all checked.
    void changed();
    // For the status bar.
    void status(const QString& message);
    // A suite opened with its defaults for the next run.
    void defaultsOffered(const crucible::SuiteDefaults& defaults);

private:
    // File ▸ Open suite… and Recent suites: open(), and a failure shown over the window.
    void openAsked(const QString& path);
    // `label` names the suite in the status bar ("Built-in default suite", "Suite "tiny" (tiny.json)").
    void use(const Suite& suite, const QString& file, const QString& label);
    void refillRecent();
    // "the built-in default suite", "suite "tiny" (tiny.json)": what the window keeps.
    QString keptLabel() const;

    RunController* m_controller;
    WorkloadTree* m_tree;
    QWidget* m_window;
    QAction* m_open;
    QMenu* m_recent;
    QString m_file; // empty: the built-in default suite
};

} // namespace crucible::gui
