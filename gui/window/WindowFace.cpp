#include "WindowFace.h"

#include "HistoryController.h"
#include "MainWindow.h"
#include "PdfReport.h"
#include "SettingsKeys.h"

#include <QApplication>
#include <QSettings>
#include <QTimer>

namespace crucible::gui {

int runWindow(const CommandLineOptions& options, const WorkloadRegistry& registry)
{
    MainWindow window(registry, {report::pdfReportFormat()});
    // --suite, FILTER words, measurement flags. A bad suite file is shown over the window,
    // which keeps its previous suite and then does not start a run by itself.
    const bool suiteOpened = window.applyCommandLine(options);
    // --db beats the "history location" setting (File ▸ History store…), which beats the
    // per-user file; --no-history runs the window without a store.
    HistoryController* history = window.historyController();
    if (options.noHistory)
        history->close();
    else
        history->open(options.db.isEmpty() ? QSettings().value(settings::kHistoryLocation).toString() : options.db);
    window.show();
    if (options.runAtLaunch && suiteOpened) // once the history can compare it
        QTimer::singleShot(0, &window, [&window, history, quick = options.quickCheck] {
            history->whenReady([&window, quick] { window.startRun(quick); });
        });
    return QApplication::exec();
}

} // namespace crucible::gui
