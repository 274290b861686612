#include "HistoryLoader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

namespace crucible::gui {

// Lives on the store's thread and owns the store there: opened, used and closed by that thread.
class HistoryLoader::Worker : public QObject {
public:
    std::unique_ptr<HistoryStore> store;
    QString error; // why there is no store
};

HistoryLoader::HistoryLoader(QObject* parent) : QObject(parent), m_thread(new QThread), m_worker(new Worker)
{
    m_thread->setObjectName(QStringLiteral("history store"));
    m_worker->error = tr("no history store is open");
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

HistoryLoader::~HistoryLoader()
{
    m_stopping->store(true);
    // Queued behind every job asked for (QThread::quit() would leave them unprocessed): the
    // writes run, then the store closes on its own thread, then the thread ends.
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker] {
            w->store.reset();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
    delete m_worker;
    delete m_thread;
}

void HistoryLoader::open(const QString& location)
{
    const quint64 generation = ++m_generation;
    m_state = State::Opening;
    m_error.clear();
    ++m_pending;
    QMetaObject::invokeMethod(
        m_worker,
        [this, w = m_worker, location, generation, stopping = m_stopping] {
            if (stopping->load())
                return;
            w->store.reset();
            Expected<std::unique_ptr<HistoryStore>> store = HistoryStore::open(location);
            const QString error = store ? QString() : store.error().message;
            w->store = store ? std::move(*store) : nullptr;
            w->error = error;
            const QString shown = w->store ? w->store->location() : QString();
            reply(generation, [this, shown, error] {
                if (!error.isEmpty()) {
                    m_state = State::Failed;
                    m_error = error;
                    Q_EMIT openFailed(error);
                    return;
                }
                m_state = State::Open;
                m_location = shown;
                Q_EMIT opened(shown);
            });
        },
        Qt::QueuedConnection);
}

void HistoryLoader::close()
{
    ++m_generation;
    m_state = State::Closed;
    m_location.clear();
    m_error.clear();
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker] {
            w->store.reset();
            w->error = tr("no history store is open");
        },
        Qt::QueuedConnection);
}

void HistoryLoader::post(Job job, OnClose onClose)
{
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, job = std::move(job), stopping = m_stopping, onClose] {
            if (onClose == OnClose::Run || !stopping->load())
                job(w->store.get(), w->error);
        },
        Qt::QueuedConnection);
}

void HistoryLoader::reply(quint64 generation, std::function<void()> deliver)
{
    // Called on the store's thread; everything below runs on the GUI thread.
    QMetaObject::invokeMethod(
        this,
        [this, generation, deliver = std::move(deliver)] {
            Q_ASSERT(QThread::currentThread() == thread());
            --m_pending;
            if (generation == m_generation)
                deliver();
        },
        Qt::QueuedConnection);
}

bool HistoryLoader::waitForIdle(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_pending > 0 && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        QThread::msleep(2);
    }
    return m_pending == 0;
}

} // namespace crucible::gui
