#include "WindowFace.h"

#include "MainWindow.h"
#include "PdfReport.h"
#include "Selection.h"
#include "WorkloadTree.h"

#include <QApplication>
#include <QSettings>
#include <QTimer>

namespace crucible::gui {

int runWindow(const CommandLineOptions& options, const WorkloadRegistry& registry)
{
    MainWindow window(registry, {report::pdfReportFormat()});
    if (!options.filters.isEmpty()) {
        QStringList ids;
        for (const WorkloadFactory* f : selectWorkloads(registry, options.filters))
            ids << f->info.id;
        window.workloadTree()->setCheckedIds(ids);
    }
    // --db beats the "history location" setting (File ▸ History store…), which beats the
    // per-user file; --no-history runs the window without a store.
    if (options.noHistory)
        window.closeHistory();
    else
        window.openHistory(options.db.isEmpty() ? QSettings().value(QStringLiteral("history/location")).toString() : options.db);
    window.show();
    if (options.runAtLaunch)
        QTimer::singleShot(0, &window, [&window, quick = options.quickCheck] { window.startRun(quick); });
    return QApplication::exec();
}

} // namespace crucible::gui
