#pragma once

#include <QCoreApplication>
#include <QString>

namespace crucible::gui {

// "1 workload", "49 workloads". tr()'s %n plural forms need a translation loaded; without one
// (as the window ships) they read "49 workload(s)".
inline QString workloadCount(int n)
{
    return n == 1 ? QCoreApplication::translate("WorkloadCount", "1 workload")
                  : QCoreApplication::translate("WorkloadCount", "%1 workloads").arg(n);
}

} // namespace crucible::gui
