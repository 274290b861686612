#include "WindowFace.h"

#include "MainWindow.h"
#include "PdfReport.h"
#include "Selection.h"
#include "WorkloadTree.h"

#include <QApplication>
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
    window.show();
    if (options.runAtLaunch)
        QTimer::singleShot(0, &window, [&window, quick = options.quickCheck] { window.startRun(quick); });
    return QApplication::exec();
}

} // namespace crucible::gui
