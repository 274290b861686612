#pragma once

#include "history/HistoryStore.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace crucible::gui {

// The window's history store, on a thread of its own. A HistoryStore is a database connection
// that may take seconds to answer (a PostgreSQL server far away, a SQLite file another process
// holds locked) and may only be used by the thread that opened it, so the GUI thread never
// touches it: work goes to the store's thread as functions, their results come back to the GUI
// thread by queued calls, in the order they were asked for.
//
// A request made while the store is opening waits behind the open. A result is dropped when
// its receiver is gone or the store was closed or reopened since it was asked for, so a reply
// never lands on a view that asked about another store.
class HistoryLoader : public QObject {
    Q_OBJECT
public:
    explicit HistoryLoader(QObject* parent = nullptr);
    // Lets the running job finish, runs the queued writes (OnClose::Run), skips the queued
    // reads and closes the store on its thread.
    ~HistoryLoader() override;

    // Opens `location` as --db takes it (empty: the per-user file), closing the store open
    // before. opened() or openFailed() follows.
    void open(const QString& location);
    // Closes the store: the window runs without history.
    void close();

    enum class State { Closed, Opening, Open, Failed };
    State state() const { return m_state; }
    bool isOpen() const { return m_state == State::Open; }
    // The store's location for messages (a URL without its password), once opened or failed.
    QString location() const { return m_location; }
    QString lastError() const { return m_error; }

    // What becomes of a request still queued when the loader is destroyed (the window closes):
    // a read is dropped, a write (recording a run, saving a baseline) still runs.
    enum class OnClose { Skip, Run };

    // Runs `work` on the store's thread and then `done` on the GUI thread with its result.
    // Without an open store `work` does not run and `done` gets the reason as its error.
    // Nothing is called once `receiver` is deleted.
    template <typename T>
    void request(QObject* receiver, std::function<Expected<T>(HistoryStore&)> work,
                 std::function<void(Expected<T>)> done, OnClose onClose = OnClose::Skip);

    // For tests: waits (spinning the event loop) until every request made so far has been
    // answered. False on timeout.
    bool waitForIdle(int timeoutMs);

Q_SIGNALS:
    void opened(const QString& location);
    void openFailed(const QString& message);

private:
    class Worker;
    using Job = std::function<void(HistoryStore* store, const QString& storeError)>;
    // Queues `job` on the store's thread; `reply` goes back to the GUI thread and runs there
    // if the store is still the one the job was asked of.
    void post(Job job, OnClose onClose);
    void reply(quint64 generation, std::function<void()> deliver);

    QThread* m_thread;
    Worker* m_worker;
    State m_state = State::Closed;
    QString m_location;
    QString m_error;
    quint64 m_generation = 0; // bumped by open() and close(): replies from before are stale
    int m_pending = 0;        // requests asked and not yet answered
    std::shared_ptr<std::atomic<bool>> m_stopping = std::make_shared<std::atomic<bool>>(false);
};

template <typename T>
void HistoryLoader::request(QObject* receiver, std::function<Expected<T>(HistoryStore&)> work,
                            std::function<void(Expected<T>)> done, OnClose onClose)
{
    const quint64 generation = m_generation;
    ++m_pending;
    QPointer<QObject> guard(receiver);
    post(
        [this, generation, guard, work = std::move(work), done = std::move(done)](HistoryStore* store,
                                                                                  const QString& storeError) {
            // On the store's thread. The result travels in a shared_ptr: std::function copies.
            auto result = std::make_shared<Expected<T>>(store ? work(*store) : Expected<T>(Error::input(storeError)));
            reply(generation, [guard, done, result] {
                if (guard)
                    done(std::move(*result));
            });
        },
        onClose);
}

} // namespace crucible::gui
