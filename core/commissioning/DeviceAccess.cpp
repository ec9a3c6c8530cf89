#include "DeviceAccess.h"

#include "poll/DevicePoller.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace pyrolink {

namespace {

Reading failed(const RegisterDef *def, const QString &why)
{
    Reading r;
    r.def = def;
    r.quality = Quality::Error;
    r.timestampMs = QDateTime::currentMSecsSinceEpoch();
    r.error = why;
    return r;
}

/// One read through a poller. The poller has no per-request callback, only valuesChanged() for the rows it
/// updated: the job asks with requestRead() and counts a register as answered when its row changes after
/// the request, good (with a newer timestamp) or failed.
class PollerRead : public QObject
{
    Q_OBJECT
public:
    PollerRead(DevicePoller *poller, const QList<const RegisterDef *> &registers, RegisterIo::ReadDone done)
        : QObject(poller), m_poller(poller), m_registers(registers), m_done(std::move(done))
    {
    }

    void start()
    {
        m_since = QDateTime::currentMSecsSinceEpoch();
        for (const RegisterDef *def : std::as_const(m_registers)) {
            const int row = m_poller->rowOf(def);
            if (row < 0)
                m_results.insert(def, failed(def, tr("%1 is not read by the poller.").arg(def->name)));
            else if (m_poller->planner().isMissing(def))
                m_results.insert(def, m_poller->reading(row)); // refused before: it is not asked again
            else
                m_pending.insert(row);
        }
        if (m_poller->state() != DevicePoller::State::Connected) {
            failRest(tr("Not connected: %1").arg(m_poller->lastMessage()));
            return;
        }
        if (m_pending.isEmpty()) {
            finish();
            return;
        }
        connect(m_poller, &DevicePoller::valuesChanged, this, &PollerRead::onValues);
        connect(m_poller, &DevicePoller::stateChanged, this, [this](DevicePoller::State s) {
            if (s != DevicePoller::State::Connected)
                failRest(tr("The connection was lost: %1").arg(m_poller->lastMessage()));
        });
        QTimer::singleShot(DeviceAccess::pollerReadTimeoutMs(int(m_registers.size())), this,
                           [this] { failRest(tr("The device did not answer in time.")); });
        QList<const RegisterDef *> ask;
        for (int row : std::as_const(m_pending))
            ask.append(m_poller->registers().at(row));
        m_poller->requestRead(ask);
    }

private:
    void onValues(const QList<int> &rows)
    {
        for (int row : rows) {
            if (!m_pending.contains(row))
                continue;
            const Reading &r = m_poller->reading(row);
            // A good value older than the request is an earlier cycle's: wait for ours. A failure cannot be
            // dated (the poller keeps the time of the last good value), so one reported just after the
            // request may be from just before it; it is taken as the answer all the same: such errors (an
            // address the device refuses, a timeout) would come again.
            if (r.quality == Quality::Good && r.timestampMs < m_since)
                continue;
            m_pending.remove(row);
            m_results.insert(r.def, r);
        }
        if (m_pending.isEmpty())
            finish();
    }

    void failRest(const QString &why)
    {
        for (int row : std::as_const(m_pending)) {
            const RegisterDef *def = m_poller->registers().at(row);
            m_results.insert(def, failed(def, why));
        }
        m_pending.clear();
        finish();
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        disconnect(m_poller, nullptr, this, nullptr);
        QList<Reading> out;
        for (const RegisterDef *def : std::as_const(m_registers))
            out.append(m_results.value(def));
        deleteLater();
        // Called from the event loop, never from inside start(): the caller's code after read() runs first.
        QTimer::singleShot(0, QCoreApplication::instance(), [done = std::move(m_done), out] { done(out); });
    }

    QPointer<DevicePoller> m_poller;
    QList<const RegisterDef *> m_registers;
    RegisterIo::ReadDone m_done;
    QSet<int> m_pending;
    QHash<const RegisterDef *, Reading> m_results;
    qint64 m_since = 0;
    bool m_finished = false;
};

} // namespace

DeviceAccess DeviceAccess::over(RegisterIo *io)
{
    QPointer<RegisterIo> guard(io);
    return DeviceAccess{[guard](const QList<const RegisterDef *> &registers, RegisterIo::ReadDone done) {
                            if (guard) {
                                guard->read(registers, std::move(done));
                                return;
                            }
                            QList<Reading> out;
                            for (const RegisterDef *def : registers)
                                out.append(failed(def, QStringLiteral("The connection is closed.")));
                            done(out);
                        },
                        [guard](const QList<WriteItem> &items, RegisterIo::WriteDone done) {
                            if (guard) {
                                guard->write(items, std::move(done));
                                return;
                            }
                            QList<WriteOutcome> out;
                            for (const WriteItem &item : items)
                                out.append(WriteOutcome{
                                    item, false, false, {}, QStringLiteral("The connection is closed."), 0});
                            done(out);
                        }};
}

DeviceAccess DeviceAccess::over(DevicePoller *poller)
{
    QPointer<DevicePoller> guard(poller);
    return DeviceAccess{
        [guard](const QList<const RegisterDef *> &registers, RegisterIo::ReadDone done) {
            if (guard) {
                (new PollerRead(guard, registers, std::move(done)))->start();
                return;
            }
            QList<Reading> out;
            for (const RegisterDef *def : registers)
                out.append(failed(def, QStringLiteral("The device was closed.")));
            done(out);
        },
        [guard](const QList<WriteItem> &items, RegisterIo::WriteDone done) {
            if (guard) {
                guard->write(items, std::move(done));
                return;
            }
            QList<WriteOutcome> out;
            for (const WriteItem &item : items)
                out.append(WriteOutcome{item, false, false, {}, QStringLiteral("The device was closed."), 0});
            done(out);
        }};
}

} // namespace pyrolink

#include "DeviceAccess.moc"
