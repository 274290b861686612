#include "HistoryStatus.h"

#include "VerdictPalette.h"
#include "history/HistoryLocation.h"

namespace crucible::gui {

namespace {

// The store as the status bar names it: the file's name, or host/database.
QString storeName(const QString& location)
{
    const Expected<history::HistoryLocation> parsed = history::parseHistoryLocation(location);
    return parsed ? parsed->shortName() : location;
}

// Wide enough for the gist of why a store cannot be used; the tool tip has all of it.
constexpr int kReasonWidth = 420;

} // namespace

HistoryStatus::HistoryStatus(QWidget* parent) : QLabel(tr("History: off"), parent)
{ }

void HistoryStatus::showOpening(const QString& location)
{
    setText(tr("History: opening…"));
    setToolTip(location);
}

void HistoryStatus::showOpened(const QString& location)
{
    setText(tr("History: %1").arg(storeName(location)));
    setToolTip(tr("Runs are recorded in %1").arg(location));
    setStyleSheet(QString());
}

void HistoryStatus::showUnavailable(const QString& message)
{
    const QString reason = tr("History unavailable: %1").arg(message.simplified()); // one line
    setText(fontMetrics().elidedText(reason, Qt::ElideMiddle, kReasonWidth));
    setToolTip(reason);
    setStyleSheet(QStringLiteral("color: %1").arg(failureColor().name()));
}

void HistoryStatus::showOff()
{
    setText(tr("History: off"));
    setToolTip(tr("Runs are not recorded (--no-history)"));
}

void HistoryStatus::showRecorded(qint64 runId, const QString& location)
{
    setText(tr("History: run %1 recorded in %2").arg(runId).arg(storeName(location)));
}

} // namespace crucible::gui
