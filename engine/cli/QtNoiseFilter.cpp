#include "QtNoiseFilter.h"

#include <QString>
#include <QtGlobal>

namespace crucible {

namespace {

QtMessageHandler g_next = nullptr;

bool isNoise(QtMsgType type, const QString& message)
{
    return type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set"));
}

void filtered(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (isNoise(type, message))
        return;
    g_next(type, context, message);
}

} // namespace

void filterQtNoise()
{
    if (g_next)
        return;
    // qInstallMessageHandler returns the handler in place (Qt's default one when none was set).
    g_next = qInstallMessageHandler(filtered);
}

} // namespace crucible
