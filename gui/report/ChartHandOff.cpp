#include "ChartHandOff.h"

#include "ReportPainter.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QThread>

namespace crucible::report {

namespace {
// How often a waiting worker looks whether the hand-off was cancelled.
constexpr int kCancelPollMs = 20;
} // namespace

ChartHandOff::ChartHandOff(QObject* gui) : m_state(std::make_shared<State>())
{
    m_state->gui = gui;
}

ChartDrawer ChartHandOff::drawer() const
{
    return [state = m_state](const ChartRecipe& recipe, QPainter& painter, const QRectF& target) {
        if (state->cancelled)
            return;
        if (QThread::currentThread() == QCoreApplication::instance()->thread()) {
            drawChartHere(recipe, painter, target);
            return;
        }
        auto done = std::make_shared<QSemaphore>();
        // The call reads the worker's recipe and painter by reference. That is safe: cancelled
        // is only set on the GUI thread, where this call runs, so when it finds it unset the
        // worker has not given up and still waits below with both alive.
        const bool posted = QMetaObject::invokeMethod(
            state->gui,
            [state, done, &recipe, &painter, target] {
                if (!state->cancelled)
                    drawChartHere(recipe, painter, target);
                done->release();
            },
            Qt::QueuedConnection);
        if (!posted)
            return;
        while (!done->tryAcquire(1, kCancelPollMs))
            if (state->cancelled)
                return;
    };
}

void ChartHandOff::cancel()
{
    Q_ASSERT(QThread::currentThread() == QCoreApplication::instance()->thread());
    m_state->cancelled = true;
}

bool ChartHandOff::cancelled() const
{
    return m_state->cancelled;
}

} // namespace crucible::report
