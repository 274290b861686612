#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent>

#include <type_traits>
#include <utility>

namespace crucible::gui {

// Runs `work` on the global thread pool and hands its result to `done` on `receiver`'s thread,
// or drops it when `receiver` is gone by then (a window closed while it computes).
//
// Not QFuture::then(receiver, …): in Qt 6.4 its continuation, run on the worker thread, checks
// a QPointer to the context with Q_ASSERT (qfuture_impl.h), so a receiver destroyed first aborts
// a debug build, and the worker reads that QPointer while the GUI thread deletes the object.
// A watcher owned by `receiver` is destroyed with it, which detaches it from the future under
// the future's own lock; a result that comes later reaches nobody.
template <typename Work, typename Done>
void runInBackground(QObject* receiver, Work work, Done done)
{
    using Value = std::invoke_result_t<Work&>;
    auto* watcher = new QFutureWatcher<Value>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, done = std::move(done)]() mutable {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace crucible::gui
